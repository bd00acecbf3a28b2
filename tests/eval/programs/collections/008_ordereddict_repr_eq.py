# OrderedDict repr and equality
from collections import OrderedDict
od = OrderedDict([("x", 1), ("y", 2)])
print(od)
print(od == OrderedDict([("y", 2), ("x", 1)]))
print(od == {"y": 2, "x": 1})
