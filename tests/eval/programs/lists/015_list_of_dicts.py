# list of dicts sorted by a key
rows = [{"name": "b", "n": 2}, {"name": "a", "n": 5}, {"name": "c", "n": 1}]
for r in sorted(rows, key=lambda r: r["n"]):
    print(r["name"], r["n"])
print([r["name"] for r in rows if r["n"] > 1])
