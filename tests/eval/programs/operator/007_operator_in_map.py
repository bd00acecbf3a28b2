# operator functions with map over two iterables
import operator
print(list(map(operator.add, [1, 2, 3], [10, 20, 30])))
print(list(map(operator.mul, "abc", [1, 2, 3])))
print(list(map(operator.not_, [0, 1, ""])))
