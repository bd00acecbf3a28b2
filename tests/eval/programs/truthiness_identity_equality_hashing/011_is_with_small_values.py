# identity of singletons True, False, None
vals = [True, False, None]
print([v is True for v in vals])
print([v is None for v in vals])
print(type(None).__name__, type(True).__name__)
