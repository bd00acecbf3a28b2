# defaultdict(list) groups values
from collections import defaultdict
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(dict(d))
print(d["missing"], len(d))
print(sorted(d.items()))
