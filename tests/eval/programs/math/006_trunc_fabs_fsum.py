# math.trunc, fabs, fsum, prod
import math
print(math.trunc(3.7), math.trunc(-3.7))
print(math.fabs(-3), math.fabs(2.5))
print(sum([0.1] * 10), math.fsum([0.1] * 10))
print(math.prod([1, 2, 3, 4]), math.prod([]))
