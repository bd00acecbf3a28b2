# partial exposes func, args and keywords
from functools import partial
def f(a, b, c=0):
    return a + b + c
p = partial(f, 1, c=5)
print(p.func is f, p.args, p.keywords)
print(p(2))
