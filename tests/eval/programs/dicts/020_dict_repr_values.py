# repr of dicts with mixed value types
d = {"s": "x", "f": 0.1, "l": [1, 2], "t": (1,), "n": None, "b": False, "e": {}}
print(d)
print(str(d) == repr(d))
print({1: {2: {3: []}}})
print({(1, "a"): 1.0, -0.0: "negzero"})
