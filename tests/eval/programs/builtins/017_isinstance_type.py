# isinstance and type checks on builtin values
vals = [1, 1.0, "1", [1], (1,), {1: 1}, {1}, None, True]
for v in vals:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)))
print(type(1) is int, type(True) is int, type(True) is bool)
