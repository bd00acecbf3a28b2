# list + and * and +=
a = [1, 2]
b = a + [3]
print(a, b)
print([0] * 4)
print([[0] * 2] * 2)
a += [9]
print(a)
print([] * 3, [1, 2] * 0)
