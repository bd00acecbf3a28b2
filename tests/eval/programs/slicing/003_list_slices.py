# list slices make copies
xs = list(range(10))
print(xs[2:8:2], xs[-4:], xs[::-3])
ys = xs[:]
ys[0] = 99
print(xs[0], ys[0])
print(xs[100:200], xs[-100:2])
