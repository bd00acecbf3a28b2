# set() from lists, ranges and dict keys
print(set([3, 3, 1]))
print(set(range(5)))
print(sorted(set({"k": 1, "j": 2})))
print(set((1, 1, 2)) == {1, 2})
