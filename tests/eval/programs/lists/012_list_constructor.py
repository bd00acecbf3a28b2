# list() from various iterables
print(list())
print(list("abc"))
print(list(range(3)))
print(list((1, 2)))
print(list({"a": 1, "b": 2}))
print(list({"a": 1}.items()))
print(list(x * 2 for x in [1, 2]))
