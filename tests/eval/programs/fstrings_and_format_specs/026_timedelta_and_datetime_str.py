# str() of datetime objects inside f-strings
from datetime import date, timedelta
d = date(2020, 2, 28)
td = timedelta(days=2)
print(f"{d + td}")
print(f"{td}")
print(f"{(d + td) - d}")
print(f"start_{d:%Y_%m}")
