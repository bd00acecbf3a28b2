# natural and base-n logarithms on a list of values
import math
for v in [1, 10, 100, 0.5]:
    print(v, round(math.log(v), 6), round(math.log10(v), 6), round(math.log(v, 2), 6))
print(math.log(math.exp(2)))
