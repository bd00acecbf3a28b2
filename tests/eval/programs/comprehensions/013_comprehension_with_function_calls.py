# comprehensions calling helpers and methods
def clean(s):
    return s.strip().lower()
raw = ["  A ", "b", " C"]
print([clean(s) for s in raw])
print(sorted({clean(s) for s in raw + ["a"]}))
print({clean(s): s for s in raw})
