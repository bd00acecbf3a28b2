# decorators that register functions in a dict
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco
@register("sq")
def square(x):
    return x * x
@register("neg")
def negate(x):
    return -x
print(sorted(registry))
print([registry[k](3) for k in sorted(registry)])
print(square(5))
