# int, float, bool, tuple and None keys
d = {1: "int", 2.5: "float", None: "none", (1, 2): "tuple", "s": "str"}
print(d[1], d[2.5], d[None], d[(1, 2)], d["s"])
d[True] = "bool overwrites 1"
print(d[1], len(d))
d[1.0] = "float overwrites too"
print(d)
