# comparing and testing the truth of timedeltas
from datetime import date, timedelta
print(date(2020, 1, 1) + timedelta(0) == date(2020, 1, 1))
print(timedelta(days=1) > timedelta(hours=23))
print(timedelta(0) == timedelta(), bool(timedelta(0)), bool(timedelta(seconds=1)))
