# invalid dates and formats raise ValueError with messages
from datetime import date, datetime
for args in [(2021, 2, 29), (2021, 13, 1), (2021, 1, 0)]:
    try:
        date(*args)
    except ValueError as e:
        print(e)
try:
    date.fromisoformat("2021-1-5")
except ValueError as e:
    print(e)
try:
    datetime.strptime("2021/01/05", "%Y-%m-%d")
except ValueError as e:
    print(e)
