# floor and ceil of divisions for period counts
import math
days = 100
print(math.ceil(days / 7), math.floor(days / 7), days // 7)
print(math.ceil(-days / 7), math.floor(-days / 7))
for months in [11, 12, 13]:
    print(months, math.ceil(months / 12))
