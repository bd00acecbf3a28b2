# set comprehensions of ints
print({x % 4 for x in range(20)})
print({len(w) for w in "the quick brown fox".split()})
