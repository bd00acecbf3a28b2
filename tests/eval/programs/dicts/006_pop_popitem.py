# pop with default and popitem order
d = {"a": 1, "b": 2, "c": 3}
print(d.pop("a"), d)
print(d.pop("zz", "none"))
print(d.popitem(), d)
d["x"] = 9
print(d.popitem())
print(d)
