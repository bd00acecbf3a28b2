# import datetime as module vs from-import
import datetime
d = datetime.date(2022, 2, 2)
print(d + datetime.timedelta(days=7))
print(datetime.datetime(2022, 2, 2).date() == d)
import datetime as dt
print(dt.date(2023, 1, 1).year)
