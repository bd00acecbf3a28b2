# re.sub with strings, backreferences and count
import re
print(re.sub(r"\s+", " ", "a   b \t c"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@host"))
print(re.sub(r"a", "X", "banana", count=2))
print(re.sub(r"[^a-z0-9]+", "_", "Hospital Admission (A&E)".lower()).strip("_"))
print(re.sub(r"(?P<n>\d+)", r"<\g<n>>", "a1b22"))
