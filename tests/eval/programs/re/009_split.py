# re.split on patterns, with maxsplit and groups
import re
print(re.split(r"[,;]\s*", "a, b;c ,d"))
print(re.split(r"\s+", "one  two   three", maxsplit=1))
print(re.split(r"(-)", "a-b-c"))
