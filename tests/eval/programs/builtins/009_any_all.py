# any and all including empty iterables
print(any([]), all([]))
print(any([0, "", None]), any([0, "x"]))
print(all([1, "a", [0]]), all([1, 0]))
print(any(x > 2 for x in range(4)), all(x < 4 for x in range(4)))
