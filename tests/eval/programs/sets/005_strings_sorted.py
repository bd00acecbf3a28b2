# sets of strings are printed sorted for determinism
s = set("mississippi")
print(sorted(s))
names = {"age", "sex", "region", "age"}
print(len(names), sorted(names))
print(sorted(names | {"bmi"}))
print(sorted(names - {"sex"}))
