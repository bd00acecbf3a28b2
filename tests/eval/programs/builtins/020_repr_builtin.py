# repr of many builtin values
print(repr(1), repr("a"), repr([1, "a"]), repr(None), repr(True))
print(repr((1,)), repr({}), repr(set()), repr(1.0), repr(range(3)))
print(repr("multi\nline"), repr(""))
print(repr([1.5, "x", (None,)]))
print(repr({"k": [1, {"n": None}]}))
