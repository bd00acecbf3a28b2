# frozenset as an immutable set and dict key
f = frozenset([1, 2, 2, 3])
print(len(f), 2 in f)
d = {f: "group"}
print(d[frozenset([3, 2, 1])])
print(f | {4} == {1, 2, 3, 4})
print(sorted(f))
