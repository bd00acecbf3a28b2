# slicing tuples and ranges
t = (1, 2, 3, 4, 5)
print(t[1:3], t[::-1], t[:0])
r = range(0, 20, 2)
print(r[2:5], list(r[2:5]), list(r[::-1]))
print(r[-1], list(r[::4]))
