# partial used with map and sorted
from functools import partial
def scale(x, factor):
    return x * factor
print(list(map(partial(scale, factor=3), [1, 2, 3])))
def dist(p, origin):
    return abs(p - origin)
print(sorted([10, 1, 7, 4], key=partial(dist, origin=5)))
