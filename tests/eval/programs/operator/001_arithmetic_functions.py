# operator.add, mul, sub, truediv, floordiv, mod, neg
import operator
print(operator.add(2, 3), operator.mul(4, 5), operator.sub(9, 4))
print(operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 2))
print(operator.neg(5), operator.add("a", "b"), operator.mul("x", 3))
