# dates compare chronologically
from datetime import date
a = date(2020, 1, 1)
b = date(2020, 6, 30)
print(a < b, a == date(2020, 1, 1), a != b, b >= a)
print(max(a, b), min([b, a, date(2019, 12, 31)]))
print(sorted([b, a, date(2021, 1, 1)]))
print(date(2020, 1, 1) <= a <= date(2020, 12, 31))
