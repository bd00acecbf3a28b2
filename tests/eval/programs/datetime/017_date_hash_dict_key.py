# dates as dict keys and set members
from datetime import date
d = {date(2020, 1, 1): "new year"}
print(d[date(2020, 1, 1)])
s = {date(2020, 1, 1), date(2020, 1, 1), date(2020, 1, 2)}
print(len(s), sorted(s))
