# equal numbers hash equal; dict keys collapse
print(hash(1) == hash(1.0) == hash(True))
print(hash(0) == hash(0.0) == hash(False))
d = {1: "a", 1.0: "b", True: "c"}
print(d)
print(hash((1, 2)) == hash((1, 2)))
print(hash(42), hash(-7), hash(0))
