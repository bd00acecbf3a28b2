# starred targets in unpacking
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
x, *empty = [9]
print(x, empty)
