# Counter behaves like a dict with dict methods
from collections import Counter
c = Counter(["a", "b", "a"])
print(c)
print(dict(c), list(c.keys()), sum(c.values()))
print(isinstance(c, dict), "a" in c, c.get("z", 0))
