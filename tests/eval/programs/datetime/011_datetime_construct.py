# datetime construction, str, repr and attributes
from datetime import datetime
dt = datetime(2021, 3, 14, 15, 9, 26)
print(dt)
print(repr(dt))
print(dt.hour, dt.minute, dt.second, dt.microsecond)
print(datetime(2021, 1, 1))
print(repr(datetime(2021, 1, 1)))
print(datetime(2021, 1, 1, 0, 0, 0, 500))
print(dt.isoformat(), dt.date().isoformat())
