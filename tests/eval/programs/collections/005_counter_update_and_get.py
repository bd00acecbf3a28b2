# Counter update with an iterable and lookups of missing keys
from collections import Counter
c = Counter()
for region in ["north", "south", "north", "east", "north", "south"]:
    c[region] += 1
print(c.most_common())
c.update(["east", "east"])
print(c.most_common(2))
print(c["west"], len(c))
