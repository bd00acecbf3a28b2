# comprehensions see enclosing function variables
def scale(xs, factor):
    return [x * factor for x in xs]
print(scale([1, 2, 3], 10))
def pairs(n):
    base = "p"
    return {f"{base}{i}": i for i in range(n)}
print(pairs(3))
