# truthiness in if statements
for v in [0, 0.0, "", [], {}, (), None, False, 1, "a", [0], (None,), {"": 0}, -1, 0.001]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
