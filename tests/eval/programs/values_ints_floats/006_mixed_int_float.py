# mixing ints and floats promotes to float
print(1 + 2.0)
print(3 * 1.5)
print(10 - 0.5)
print(2 ** 0.5)
print(2 ** -1)
print(7 // 2.0, 7 % 2.0)
print(-7.5 // 2, -7.5 % 2)
