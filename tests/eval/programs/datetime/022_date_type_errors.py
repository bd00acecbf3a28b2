# mixing dates with wrong types
from datetime import date, timedelta
d = date(2021, 1, 1)
try:
    d + 1
except TypeError as e:
    print(e)
try:
    d < "2021-01-01"
except TypeError as e:
    print(e)
print(d == "2021-01-01")
