# callable on functions, classes and values
def f():
    pass
class K:
    pass
print(callable(f), callable(K), callable(K()), callable(len), callable(3))
