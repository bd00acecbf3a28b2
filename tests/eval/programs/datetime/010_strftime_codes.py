# common strftime directives
from datetime import datetime
dt = datetime(2021, 7, 4, 15, 6, 7)
print(dt.strftime("%Y %y %m %d"))
print(dt.strftime("%H %I %M %S %p"))
print(dt.strftime("%A %a %B %b"))
print(dt.strftime("%j %U %W"))
print(dt.strftime("%%Y literal"))
print(dt.strftime("week %W of %Y"))
