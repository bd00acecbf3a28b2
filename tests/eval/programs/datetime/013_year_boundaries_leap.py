# month lengths and leap years via arithmetic
from datetime import date, timedelta
for y in [1900, 2000, 2020, 2021, 2100]:
    feb_end = date(y, 3, 1) - timedelta(days=1)
    print(y, feb_end.day)
print(date(2020, 12, 31) + timedelta(days=1))
print((date(2021, 1, 1) - date(2020, 1, 1)).days, (date(2022, 1, 1) - date(2021, 1, 1)).days)
