# subset, superset and disjoint tests
a = {1, 2}
b = {1, 2, 3}
print(a <= b, a < b, b >= a, b > b, a.issubset(b), b.issuperset(a))
print(a.isdisjoint({3, 4}), a.isdisjoint(b))
print(a == {2, 1}, a != b)
