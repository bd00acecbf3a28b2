# int arithmetic: + - * // % ** and unary minus
a = 17
b = 5
print(a + b, a - b, a * b)
print(a // b, a % b, a ** 2)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-(-a), +a)
print(2 ** 10, 2 ** 0, 0 ** 0)
