# getattr, setattr, hasattr with defaults
class C:
    x = 1
c = C()
print(getattr(c, "x"), getattr(c, "y", None))
setattr(c, "y", 5)
print(c.y, hasattr(c, "y"), hasattr(c, "z"))
print(getattr("abc", "upper")())
print(hasattr([], "append"), hasattr(3, "real"))
