# defaultdict with lambda and nested defaultdicts
from collections import defaultdict
d = defaultdict(lambda: "n/a")
d["x"] = "set"
print(d["x"], d["y"])
tree = defaultdict(lambda: defaultdict(int))
tree["a"]["b"] += 2
tree["a"]["c"] += 1
print({k: dict(v) for k, v in tree.items()})
