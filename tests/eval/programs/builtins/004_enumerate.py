# enumerate with a start value
print(list(enumerate("abc")))
print(list(enumerate(["x", "y"], start=10)))
for i, v in enumerate([5, 6], 1):
    print(i, v)
