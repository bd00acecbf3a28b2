# character classes, quantifiers and anchors
import re
print(re.findall(r"\b\w{3}\b", "the cat sat on a mat"))
print(re.findall(r"a.c", "abc a-c a\nc"))
print(re.findall(r"colou?r", "color colour colouur"))
print(re.findall(r"\d{2,3}", "1 12 123 1234"))
print(re.findall(r"[^\s]+$", "trailing word"))
print(re.findall(r".*?x", "aaxbbx"))
