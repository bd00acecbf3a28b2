# datetime strftime specs inside f-strings
from datetime import date, datetime
d = date(2021, 3, 7)
print(f"{d:%Y-%m-%d}")
print(f"{d:%d/%m/%Y}")
print(f"{d:%Y%m%d}")
print(f"{d}")
dt = datetime(2020, 12, 31, 23, 5, 9)
print(f"{dt:%Y-%m-%d %H:%M:%S}")
print(f"{dt:%B %d, %Y}")
