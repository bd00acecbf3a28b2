# date.min, date.max, timedelta resolution
from datetime import date, timedelta
print(date.min, date.max)
print(timedelta(days=1) > timedelta(hours=23))
print(timedelta(0) == timedelta(), bool(timedelta(0)), bool(timedelta(seconds=1)))
