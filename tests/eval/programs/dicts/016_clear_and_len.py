# len, clear and truthiness
d = {"a": 1, "b": 2}
print(len(d), bool(d))
d.clear()
print(len(d), bool(d), d)
