# reduce of an empty sequence without initial value is a TypeError
from functools import reduce
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print(e)
