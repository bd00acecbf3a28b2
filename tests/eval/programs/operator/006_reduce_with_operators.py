# operator functions as reduce combinators
from functools import reduce
import operator
print(reduce(operator.add, range(1, 11)))
print(reduce(operator.mul, range(1, 6)))
print(reduce(operator.add, [[1], [2], [3]]))
print(reduce(operator.or_, [{1}, {2}, {1, 3}]))
