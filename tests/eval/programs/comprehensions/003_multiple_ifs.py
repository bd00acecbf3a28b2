# several if clauses all must hold
print([x for x in range(30) if x % 2 == 0 if x % 3 == 0])
print([w for w in ["a", "bb", "ccc", "dd"] if len(w) > 1 if w[0] != "c"])
print([x for x in range(5) if x if x != 3])
print({x for x in range(10) if x > 2 if x < 6})
print([(a, b) for a in range(3) if a for b in range(a)])
