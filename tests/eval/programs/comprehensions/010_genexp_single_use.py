# a generator expression is exhausted after one pass
g = (x * 2 for x in range(3))
print(list(g))
print(list(g))
g2 = (c for c in "ab")
print(next(g2), next(g2), next(g2, "done"))
