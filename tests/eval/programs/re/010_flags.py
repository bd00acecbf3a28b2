# IGNORECASE and MULTILINE flags with search and sub
import re
print(re.sub(r"covid", "X", "COVID covid Covid", flags=re.IGNORECASE))
text = "first line\nsecond line\nthird"
print(re.sub(r"^(\w+)", r"[\1]", text, flags=re.MULTILINE))
print(re.sub(r"^(\w+)", r"[\1]", text))
print(bool(re.match(r"abc", "ABC", re.I)), bool(re.match(r"abc", "ABC")))
print(re.search(r"^second", text, re.M).group())
