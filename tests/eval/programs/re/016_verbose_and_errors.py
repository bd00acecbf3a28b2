# VERBOSE patterns, DOTALL, and re.error for broken patterns
import re
dose = re.compile(r"""
    (\d+(?:\.\d+)?)   # amount
    \s*
    (mg|g|ml)         # unit
""", re.VERBOSE)
print(dose.findall("take 2.5 mg then 10ml"))
print(re.search(r"a.b", "a\nb", re.DOTALL).group() == "a\nb")
print(re.search(r"a{,2}", "aaa").group(), re.search(r"x{a}", "x{a}").group())
for bad in ["(abc", "[a-", "*a"]:
    try:
        re.compile(bad)
    except re.error:
        print("re.error for", repr(bad))
try:
    re.sub(r"(a)", r"\2", "a")
except re.error:
    print("re.error for a bad group reference")
m = re.match(r"(a)(b)?", "a")
try:
    m.group(3)
except IndexError as e:
    print("IndexError:", e)
print(m.group(2), m.start(2), m.span(2))
