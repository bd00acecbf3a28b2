# results of float arithmetic that show rounding
print(1.1 * 3)
print(0.1 * 3)
print(1 - 0.9)
print(100 * 1.1)
print(2.675 * 100)
print(1e16 + 1)
print(0.3 - 0.1)
