# date construction, str and repr
from datetime import date
d = date(2020, 3, 1)
print(d)
print(repr(d))
print(str(d), d.isoformat())
print(d.year, d.month, d.day)
print([date(2021, 12, 31)])
