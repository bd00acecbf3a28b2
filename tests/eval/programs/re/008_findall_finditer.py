# findall with and without groups, finditer
import re
print(re.findall(r"\d+", "a1b22c333"))
print(re.findall(r"(\w)(\d)", "a1 b2 c3"))
print([m.group() for m in re.finditer(r"[A-Z]\w*", "Alpha beta Gamma Delta")])
print(re.findall(r"x", "abc"))
