# tuple creation, single-element tuples and len
t = (1, 2, 3)
print(t, len(t))
single = (5,)
print(single, len(single))
print((5), type((5)).__name__, type((5,)).__name__)
empty = ()
print(empty, len(empty))
u = 1, 2
print(u)
