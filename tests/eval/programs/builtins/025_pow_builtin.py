# pow with two and three arguments
print(pow(2, 10), pow(2, -2), pow(2.0, 3))
print(pow(3, 4, 5), pow(10, 2, 7))
print(2 ** 0.5 == pow(2, 0.5))
print(pow(-2, 3), pow(2, 0))
print(pow(0.5, 2))
