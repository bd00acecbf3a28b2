# chained comparisons and int/float equality
x = 5
print(1 < x < 10)
print(1 < x > 10)
print(0 <= x <= 5 < 6)
print(1 == 1.0, 2 != 2.0)
print(3 > 2 > 1, 3 > 2 == 2)
print(0.1 + 0.2 == 0.3)
print(x == 5 == 5.0)
