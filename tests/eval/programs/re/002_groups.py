# capturing groups, group(n), groups()
import re
m = re.match(r"(\w+)-(\d+)-(\w+)?", "code-42-")
print(m.group(0), m.group(1), m.group(2), m.group(3))
print(m.groups())
print(m.groups("default"))
m2 = re.search(r"(\d{4})-(\d{2})-(\d{2})", "on 2021-03-15 ok")
print(m2.groups(), m2.group(1, 3))
print(m2.start(), m2.end(), m2.span())
