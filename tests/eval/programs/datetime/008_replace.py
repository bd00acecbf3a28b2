# replace returns a new date
from datetime import date, datetime
d = date(2020, 5, 17)
print(d.replace(day=1), d.replace(year=2021, month=1))
print(d)
dt = datetime(2020, 5, 17, 8, 30)
print(dt.replace(hour=0, minute=0))
