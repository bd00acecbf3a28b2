# named groups and groupdict
import re
m = re.match(r"(?P<year>\d{4})-(?P<month>\d{2})", "2020-07")
print(m.group("year"), m.group("month"))
print(m.groupdict())
print(m["year"])
