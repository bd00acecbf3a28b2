# tuple() from iterables
print(tuple())
print(tuple([1, 2]))
print(tuple("ab"))
print(tuple(range(3)))
print(tuple(x * x for x in range(4)))
