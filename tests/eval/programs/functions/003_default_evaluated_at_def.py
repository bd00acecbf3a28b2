# default values are captured when def runs
x = 10
def f(a=x):
    return a
x = 20
print(f(), x)
def g(a=None):
    if a is None:
        a = []
    a.append(1)
    return a
print(g(), g())
