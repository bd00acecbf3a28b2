# int() of string parameters feeding range and date arithmetic
from datetime import date, timedelta
params = {"n_months": "6", "lookback_days": "365"}
n = int(params["n_months"])
lookback = timedelta(days=int(params["lookback_days"]))
index = date(2022, 4, 1)
print(index - lookback)
print([f"month_{i:02d}" for i in range(n)])
print(sum(range(n)), len(range(1, n + 1)))
