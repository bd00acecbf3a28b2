# re.fullmatch requires the whole string to match
import re
for s in ["E10", "E10.1", "e10", "E1"]:
    print(s, bool(re.fullmatch(r"[A-Z]\d{2}(\.\d)?", s)))
print(re.fullmatch(r"\d+", "123").group())
