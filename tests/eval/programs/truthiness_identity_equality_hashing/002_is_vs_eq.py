# is compares identity, == compares value
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c)
print(None is None, a is not None)
x = None
print(x is None, x == None)
print(True is True, (1 == 1) is True)
