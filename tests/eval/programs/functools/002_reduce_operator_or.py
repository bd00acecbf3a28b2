# reduce(operator.or_, ...) over bools and ints
import functools
import operator
conds = [False, False, True]
print(functools.reduce(operator.or_, conds))
print(functools.reduce(operator.and_, conds))
print(functools.reduce(operator.or_, [1, 2, 4]))
print(functools.reduce(operator.and_, [7, 6, 4]))
