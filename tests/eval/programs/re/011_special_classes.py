# character classes, quantifiers and anchors
import re
print(re.search(r"\b\w{3}\b", "a cat sat").group())
print(re.search(r"a.c", "xa-cx").group(), re.search(r"a.c", "a\nc"))
print([bool(re.fullmatch(r"colou?r", w)) for w in ["color", "colour", "colouur"]])
print(re.search(r"\d{2,3}", "1 1234").group())
print(re.search(r"\S+$", "trailing word").group())
print(re.match(r".*?x", "aaxbbx").group(), re.match(r".*x", "aaxbbx").group())
print(re.sub(r"\s", "_", "a b\tc"))
