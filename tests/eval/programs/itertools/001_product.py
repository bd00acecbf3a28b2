# itertools.product of iterables and repeat
from itertools import product
print(list(product([1, 2], "ab")))
print(list(product("xy", repeat=2)))
print(len(list(product(range(3), range(4), range(2)))))
print(list(product()))
