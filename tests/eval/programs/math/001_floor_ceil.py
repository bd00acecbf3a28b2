# math.floor and math.ceil return ints
import math
for v in [2.5, -2.5, 3.0, -0.1, 7]:
    print(v, math.floor(v), math.ceil(v), type(math.floor(v)).__name__)
print(math.floor(-0.0), math.ceil(-0.5))
print(math.floor(1e10 + 0.5), math.ceil(2))
