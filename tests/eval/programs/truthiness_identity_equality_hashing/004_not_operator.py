# not returns a bool
print(not 0, not 1, not "", not "x", not [], not None)
print(type(not 1).__name__)
print(not not [1])
