# compiled patterns and their methods
import re
pat = re.compile(r"([A-Z])(\d+)")
print(pat.match("A12").groups())
print(pat.search("xx B7 yy").group(0))
print(pat.sub(r"\2\1", "A1 B22"))
print(pat.fullmatch("C3") is not None, pat.fullmatch("C3x") is None)
print(pat.pattern)
