# a decorator factory taking arguments
def repeat(times):
    def deco(fn):
        def wrapper(x):
            return [fn(x) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def double(x):
    return x * 2
print(double(4))
