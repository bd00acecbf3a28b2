# **kwargs collects extra keyword arguments as a dict
def f(a, **kwargs):
    return a, kwargs
print(f(1))
print(f(1, x=2, y=3))
def build(**cols):
    return sorted(cols.items())
print(build(age=1, bmi=2))
opts = {"x": 1, "y": 2}
print(f(0, **opts))
