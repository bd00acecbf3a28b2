# operator.eq, ne, lt, le, gt, ge
import operator
print(operator.eq(1, 1.0), operator.ne("a", "b"))
print(operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(sorted([3, 1, 2], key=lambda x: operator.neg(x)))
print(operator.eq([1], [1]), operator.lt("a", "b"))
