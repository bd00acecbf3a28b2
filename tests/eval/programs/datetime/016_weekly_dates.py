# weekly dates from a start with timedelta
from datetime import date, timedelta
start = date(2020, 12, 28)
weeks = [start + timedelta(weeks=i) for i in range(4)]
for w in weeks:
    print(w.isoformat(), w.strftime("%a"))
