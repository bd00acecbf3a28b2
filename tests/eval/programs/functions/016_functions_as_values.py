# functions stored in lists and dicts and passed around
def inc(x):
    return x + 1
def dbl(x):
    return x * 2
ops = [inc, dbl, inc]
v = 1
for op in ops:
    v = op(v)
print(v)
table = {"inc": inc, "dbl": dbl}
print(table["dbl"](21))
def apply(f, xs):
    return [f(x) for x in xs]
print(apply(dbl, [1, 2, 3]))
