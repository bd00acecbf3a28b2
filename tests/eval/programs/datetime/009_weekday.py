# weekday and isoweekday
from datetime import date
for d in [date(2024, 1, 1), date(2024, 1, 6), date(2024, 1, 7), date(2020, 2, 29)]:
    print(d, d.weekday(), d.isoweekday())
print([date(2021, 1, d).strftime("%a") for d in range(1, 8)])
