# findall, finditer and split, with and without groups
import re
print(re.findall(r"\d+", "a1 b22 c333"))
print(re.findall(r"([A-Z])(\d)", "A1 B2 c3"))
print(re.findall(r"(\w+)=", "x=1, yy=2"))
print([m.span() for m in re.finditer(r"\w+", "ab cd  e")])
print(re.split(r"\s*,\s*", "a , b,c ,d"))
print(re.split(r"(-)", "1-2-3"))
print(re.split(r"[;,]", "a;b,c", maxsplit=1))
print(re.split(r"x*", "axbc"))
print(re.sub(r"x*", "-", "abxd"))
