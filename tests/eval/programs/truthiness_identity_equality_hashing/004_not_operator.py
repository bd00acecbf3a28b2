# not returns a bool
print(not 0, not 1, not "", not "x", not [], not None)
print(type(not 1).__name__)
print(not not [1])
print(not (1 and 0), not (0 or 0))
print([not x for x in [0, 1, None, "x"]])
