# setdefault inserts only when missing
d = {}
print(d.setdefault("k", []))
d.setdefault("k", []).append(1)
d.setdefault("k", []).append(2)
print(d)
print(d.setdefault("n", 5), d.setdefault("n", 6))
print(d)
