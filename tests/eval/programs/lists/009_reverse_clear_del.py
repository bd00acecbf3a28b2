# reverse, clear, del by index and slice
xs = list(range(8))
xs.reverse()
print(xs)
del xs[0]
print(xs)
del xs[1:3]
print(xs)
del xs[::2]
print(xs)
xs.clear()
print(xs, len(xs))
