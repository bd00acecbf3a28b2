# map and filter are lazy; list() consumes them
print(list(map(str, [1, 2, 3])))
print(list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])))
print(list(filter(None, [0, 1, "", "a", None, []])))
print(list(filter(lambda x: x % 2, range(7))))
print(list(map(int, "123")))
