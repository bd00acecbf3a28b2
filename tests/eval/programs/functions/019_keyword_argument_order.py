# keyword arguments can be given in any order
def interval(start, end, step=1):
    return list(range(start, end, step))
print(interval(end=5, start=1))
print(interval(0, step=3, end=10))
