# namedtuple with space-separated field names and defaults
from collections import namedtuple
Row = namedtuple("Row", "name age region", defaults=["unknown"])
r = Row("ann", 40)
print(r)
print(r.region, r == ("ann", 40, "unknown"))
rows = [Row("b", 2), Row("a", 3)]
print(sorted(rows))
