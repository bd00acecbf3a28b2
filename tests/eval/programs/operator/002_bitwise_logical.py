# operator.or_, and_, xor, not_
import operator
print(operator.or_(True, False), operator.and_(True, False))
print(operator.or_(0b1010, 0b0101), operator.and_(12, 10), operator.xor(12, 10))
print(operator.not_(0), operator.not_([1]), operator.not_(None))
print(operator.or_({1}, {2}))
