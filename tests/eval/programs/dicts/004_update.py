# update from dict, pairs and keywords
d = {"a": 1}
d.update({"b": 2, "a": 10})
print(d)
d.update([("c", 3)])
print(d)
d.update(d2=4, a=0)
print(d)
