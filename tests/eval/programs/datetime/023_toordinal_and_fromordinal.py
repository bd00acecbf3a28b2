# toordinal and fromordinal
from datetime import date
d = date(2020, 1, 1)
print(d.toordinal())
print(date.fromordinal(d.toordinal() + 366))
print(date(1, 1, 1).toordinal())
