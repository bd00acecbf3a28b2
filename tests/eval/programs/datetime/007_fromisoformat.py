# fromisoformat for date and datetime
from datetime import date, datetime
print(date.fromisoformat("2022-11-30"))
print(repr(date.fromisoformat("2000-01-01")))
print(datetime.fromisoformat("2022-11-30T10:20:30"))
print(datetime.fromisoformat("2022-11-30 10:20"))
print(datetime.fromisoformat("2022-11-30"))
