# [] vs get with and without default
d = {"x": 1, "y": None}
print(d["x"], d.get("x"), d.get("q"), d.get("q", 0))
print(d.get("y", "default"))
print("y" in d, "q" in d, "q" not in d)
