# args, str and repr of exception objects
e = ValueError("bad", 42)
print(e.args, str(e))
print(repr(ValueError("x")), repr(KeyError("k")))
print(str(ValueError()), repr(Exception()))
print(str(KeyError("k")), str(IndexError("i")))
