# sorted with tuple keys for multi-level ordering
rows = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(rows))
print(sorted(rows, key=lambda r: (r[1], r[0])))
print(sorted(rows, key=lambda r: (-r[1], r[0])))
print(sorted([3, 1, 2], key=None))
