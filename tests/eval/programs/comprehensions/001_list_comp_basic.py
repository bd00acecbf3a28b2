# list comprehensions with conditions
print([x * x for x in range(6)])
print([x for x in range(10) if x % 3 == 0])
print([c.upper() for c in "abc"])
print([x if x > 2 else -x for x in range(5)])
