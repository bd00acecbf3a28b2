# comprehension variables do not leak into the enclosing scope
x = "outer"
ys = [x for x in range(3)]
print(x, ys)
i = 100
total = sum(i for i in range(4))
print(i, total)
