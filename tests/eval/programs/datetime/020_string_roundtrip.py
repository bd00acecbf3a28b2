# str(date) round trips through fromisoformat and strptime
from datetime import date, datetime
d = date(2019, 8, 9)
s = str(d)
print(s, date.fromisoformat(s) == d)
print(datetime.strptime(s, "%Y-%m-%d").date() == d)
print(d.strftime("%Y-%m-%d") == d.isoformat())
