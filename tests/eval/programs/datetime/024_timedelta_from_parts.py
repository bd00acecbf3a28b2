# timedelta keyword constructors normalise parts
from datetime import timedelta
print(timedelta(hours=48) == timedelta(days=2))
print(timedelta(minutes=1440).days)
print(timedelta(days=1.5))
print(timedelta(seconds=86401))
print(-timedelta(days=1, seconds=1))
print(abs(timedelta(days=-3)))
