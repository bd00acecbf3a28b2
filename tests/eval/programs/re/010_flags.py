# IGNORECASE and MULTILINE flags
import re
print(re.findall(r"covid", "COVID covid Covid", re.IGNORECASE))
text = "first line\nsecond line\nthird"
print(re.findall(r"^\w+", text, re.MULTILINE))
print(re.findall(r"^\w+", text))
print(bool(re.match(r"abc", "ABC", re.I)))
