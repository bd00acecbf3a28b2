# math.log with bases, log10, log2, exp
import math
print(math.log(math.e), math.log(1), math.log(8, 2), math.log(100, 10))
print(math.log10(1000), math.log2(1024))
print(math.exp(0), math.exp(1))
try:
    math.log(0)
except ValueError as e:
    print(e)
