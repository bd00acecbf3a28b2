# len of all container types
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}))
print(len(range(10)), len(range(0, 10, 3)), len(range(5, 0)))
print(len(""), len([]), len({}))
print(len([[1, 2], [3]]), len("café"))
print(len({"a": 1, "b": 2}.items()), len(list(range(4))))
