# operator.add and mul with sum-like folds starting from 0 and 1
import operator
from functools import reduce
vals = [3, 4, 5]
print(reduce(operator.add, vals, 0), sum(vals))
print(reduce(operator.mul, vals, 1))
print(operator.add(0, 2.5), operator.mul(True, 7))
print(reduce(operator.add, ["a", "b", "c"], ""))
