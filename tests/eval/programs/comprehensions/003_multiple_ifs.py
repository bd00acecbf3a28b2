# several if clauses all must hold
print([x for x in range(30) if x % 2 == 0 if x % 3 == 0])
print([w for w in ["a", "bb", "ccc", "dd"] if len(w) > 1 if w[0] != "c"])
