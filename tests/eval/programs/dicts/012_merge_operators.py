# | and |= merge dicts
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b)
print(b | a)
a |= b
print(a)
print({**b, "w": 0, **{"x": -1}})
