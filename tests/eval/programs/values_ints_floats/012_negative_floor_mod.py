# floor division and modulo follow the sign of the divisor
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(-1 % 10, -11 % 10)
print(-0.5 // 1, -0.5 % 1)
print(5 % 0.5, -5 % 3.0)
