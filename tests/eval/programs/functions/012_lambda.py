# lambdas as values and keys
sq = lambda x: x * x
print(sq(7))
add = lambda a, b=1: a + b
print(add(1), add(1, 2))
pairs = [(1, "b"), (2, "a")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda s: s + "!", ["hi", "yo"])))
print((lambda: "no args")())
