# extended slice assignment and deletion on lists
xs = list(range(10))
xs[::3] = ["a", "b", "c", "d"]
print(xs)
del xs[1::2]
print(xs)
xs[::-1] = xs[:]
print(xs)
