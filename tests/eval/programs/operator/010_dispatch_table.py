# a dict of operator functions as a calculator
import operator
ops = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
for expr in ["3 + 4", "10 - 7", "6 * 7", "9 / 2"]:
    a, op, b = expr.split()
    print(expr, "=", ops[op](int(a), int(b)))
