# union, intersection, difference, symmetric difference
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b))
print(a.difference(b), a.symmetric_difference(b))
print(a.union([9], (8,)))
