# range arguments, indexing and membership
r = range(2, 20, 4)
print(list(r), r[0], r[-1], len(r))
print(10 in r, 11 in r)
print(list(range(10, 0, -3)))
print(range(5), range(1, 5), range(0, 10, 2))
print(list(range(5))[::-1] == list(reversed(range(5))))
