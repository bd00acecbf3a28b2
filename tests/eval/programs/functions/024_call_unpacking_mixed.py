# unpacking positional and keyword arguments in one call
def f(a, b, c=0, d=0):
    return a * 1000 + b * 100 + c * 10 + d
args = [1, 2]
kwargs = {"d": 4}
print(f(*args, **kwargs))
print(f(*args, 3, **kwargs))
print(f(1, *[2], c=5))
