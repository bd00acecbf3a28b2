# min and max with key and default
print(min(3, 1, 2), max(3, 1, 2))
print(min([4, 5]), max("abc"))
print(min(["bb", "a", "ccc"], key=len), max(["bb", "a", "ccc"], key=len))
print(min([], default="none"), max([], default=0))
print(max([1, 3, 3, 2], key=lambda x: -x))
print(max([(1, "b"), (1, "a")]))
print(max(1, 2.5), min(-0.0, 0))
