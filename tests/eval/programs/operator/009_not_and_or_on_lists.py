# operator.not_ and or_ folding flags computed from data
import operator
from functools import reduce
values = [0, 5, 0, 7]
flags = [v > 0 for v in values]
print(flags, reduce(operator.or_, flags), reduce(operator.and_, flags))
print([operator.not_(f) for f in flags])
