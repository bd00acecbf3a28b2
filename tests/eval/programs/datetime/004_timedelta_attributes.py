# timedelta days, seconds and total_seconds
from datetime import timedelta
td = timedelta(days=2, hours=3, minutes=4, seconds=5)
print(td.days, td.seconds, td.total_seconds())
neg = timedelta(hours=-1)
print(neg.days, neg.seconds, neg.total_seconds())
print(timedelta(days=365) // timedelta(days=7))
print(timedelta(days=10) / 4, timedelta(days=10) * 2)
print(timedelta(days=3) / timedelta(days=2))
