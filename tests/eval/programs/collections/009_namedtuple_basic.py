# namedtuple fields, indexing and repr
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p[1], len(p))
x, y = p
print(x + y)
print(p._asdict())
print(p._replace(x=10))
print(Point._fields)
