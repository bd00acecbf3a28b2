# / always gives a float, even for exact results
print(10 / 2)
print(7 / 2)
print(1 / 3)
print(-7 / 2)
print(2 / 3)
print(type(10 / 2).__name__)
