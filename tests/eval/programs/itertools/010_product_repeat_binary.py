# product with repeat enumerates binary strings
from itertools import product
codes = ["".join(bits) for bits in product("01", repeat=3)]
print(codes)
print(len(list(product(range(2), repeat=4))))
print(list(product([1, 2], [])))
