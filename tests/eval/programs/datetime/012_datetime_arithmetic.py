# datetime +/- timedelta and differences
from datetime import datetime, timedelta
a = datetime(2021, 1, 1, 12, 0)
b = datetime(2021, 1, 3, 6, 30)
print(b - a)
print(a - b)
print(a + timedelta(hours=36))
print((b - a).total_seconds())
print(a - timedelta(minutes=1))
