# dict comprehensions
names = ["age", "sex", "bmi"]
print({n: len(n) for n in names})
print({i: n for i, n in enumerate(names)})
d = {"a": 1, "b": 2, "c": 3}
print({v: k for k, v in d.items()})
print({k: v for k, v in d.items() if v > 1})
