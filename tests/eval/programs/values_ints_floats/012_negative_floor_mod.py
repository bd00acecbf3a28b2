# floor division and modulo follow the sign of the divisor
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(-1 % 10, -11 % 10)
