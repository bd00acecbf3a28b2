# repr of nested tuples and lists
t = (1, (2, 3), [4, (5,)], "s", None, 1.5)
print(t)
print(repr(t))
print(str(((),)))
