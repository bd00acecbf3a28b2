# deep equality of nested containers
a = {"k": [1, (2, {"z": None})]}
b = {"k": [1, (2, {"z": None})]}
print(a == b, a is b)
b["k"][1][1]["z"] = 0
print(a == b)
print([[]] == [[]], [{}] != [{}])
