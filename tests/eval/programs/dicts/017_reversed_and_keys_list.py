# reversed dict iteration and list of keys
d = {"first": 1, "second": 2, "third": 3}
print(list(reversed(d)))
print(list(reversed(d.items())))
keys = list(d)
print(keys[0], keys[-1])
