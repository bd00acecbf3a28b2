# functools.partial fixes leading positional arguments
from functools import partial
def power(base, exp):
    return base ** exp
square_of_2 = partial(power, 2)
print(square_of_2(10))
print(partial(power, 3, 2)())
print([partial(power, b)(2) for b in range(4)])
