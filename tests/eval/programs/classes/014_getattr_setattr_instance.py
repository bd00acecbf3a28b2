# getattr, setattr, hasattr on instances with computed names
class Obj:
    pass
o = Obj()
for i in range(3):
    setattr(o, f"col_{i}", i * i)
print([getattr(o, f"col_{i}") for i in range(3)])
print(hasattr(o, "col_1"), hasattr(o, "col_9"))
print(getattr(o, "missing", "fallback"))
