# building a dict of lists from a loop
data = [("a", 1), ("b", 2), ("a", 3), ("c", 4), ("b", 5)]
out = {}
for k, v in data:
    if k in out:
        out[k].append(v)
    else:
        out[k] = [v]
print(out)
print({k: sum(v) for k, v in out.items()})
