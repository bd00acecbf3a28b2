# parsing and formatting with strptime and strftime
from datetime import datetime
dt = datetime.strptime("2021-04-05", "%Y-%m-%d")
print(dt)
print(dt.date())
print(dt.strftime("%d/%m/%Y"))
print(datetime.strptime("05/04/2021 13:45", "%d/%m/%Y %H:%M"))
print(datetime.strptime("20210405", "%Y%m%d").strftime("%Y-%m-%d"))
