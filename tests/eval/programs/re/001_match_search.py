# re.match anchors at the start, re.search scans
import re
print(re.match(r"\d+", "123abc").group())
print(re.match(r"\d+", "abc123"))
print(re.search(r"\d+", "abc123def").group())
print(re.search(r"x", "abc") is None)
