# math.sqrt and math.pow return floats
import math
print(math.sqrt(16), math.sqrt(2), math.sqrt(0))
print(math.pow(2, 10), math.pow(9, 0.5))
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
