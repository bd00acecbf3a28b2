# nonlocal rebinds a variable of the enclosing function
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
print(c(), c(), c(10))
def outer():
    x = "before"
    def inner():
        nonlocal x
        x = "after"
    inner()
    return x
print(outer())
