# reduce building a string expression
import functools
names = ["has_asthma", "has_copd", "has_diabetes"]
expr = functools.reduce(lambda a, b: f"{a} or {b}", names)
print(expr)
print(functools.reduce(lambda acc, ch: ch + acc, "abc", ""))
