# keyword-only parameters after * and after *args
def f(a, *, b, c=3):
    return (a, b, c)
print(f(1, b=2))
print(f(1, c=4, b=5))
def g(*args, sep="-"):
    return sep.join(args)
print(g("a", "b"), g("x", "y", sep="+"))
