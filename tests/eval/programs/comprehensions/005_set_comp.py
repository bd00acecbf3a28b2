# set comprehensions of ints
print({x % 4 for x in range(20)})
print({len(w) for w in "the quick brown fox".split()})
print({x * x for x in [-2, -1, 0, 1, 2]})
print(sorted({w.lower() for w in ["A", "a", "B"]}))
print(len({(x, y) for x in range(3) for y in range(3) if x <= y}))
