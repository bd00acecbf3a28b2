# re.sub with a function replacement
import re
def double(m):
    return str(int(m.group()) * 2)
print(re.sub(r"\d+", double, "3 apples and 10 pears"))
print(re.sub(r"[aeiou]", lambda m: m.group().upper(), "education"))
