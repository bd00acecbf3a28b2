# sum with and without start
print(sum([1, 2, 3]))
print(sum([]))
print(sum([0.1] * 10))
print(sum(range(101)))
print(sum([1, 2], 10))
print(sum([[1], [2, 3]], []))
print(sum([True, True, False]))
print(sum([1, 2.5]))
