# dict literals keep insertion order
d = {"b": 1, "a": 2, "c": 3}
print(d)
d["a"] = 20
print(d)
d["z"] = 0
print(list(d))
del d["b"]
d["b"] = 5
print(d)
