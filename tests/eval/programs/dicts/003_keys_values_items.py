# keys, values, items views
d = {"one": 1, "two": 2, "three": 3}
print(list(d.keys()))
print(list(d.values()))
print(list(d.items()))
print(len(d.keys()), "two" in d.keys(), 2 in d.values())
print(d.keys())
print(d.values())
print(d.items())
