# set comprehension and membership filtering
codes = ["E10", "E11", "I10", "E10", "J45"]
diabetes = {c for c in codes if c.startswith("E")}
print(sorted(diabetes))
print(len({c[0] for c in codes}))
print([c for c in codes if c in diabetes])
