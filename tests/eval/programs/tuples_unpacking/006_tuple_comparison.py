# tuples compare lexicographically
print((1, 2) < (1, 3))
print((1, 2) < (1, 2, 0))
print((2,) > (1, 100))
print((1, "a") == (1, "a"))
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
print(max([(1, 5), (3, 0), (2, 9)]))
