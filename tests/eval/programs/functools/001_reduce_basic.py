# functools.reduce with and without an initial value
from functools import reduce
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]))
print(reduce(lambda a, b: a * b, [1, 2, 3, 4], 10))
print(reduce(lambda a, b: a + b, [], 0))
print(reduce(lambda a, b: a + b, ["x"]))
