# float() from strings and ints
print(float("1e3"), float("3.25"), float(".5"), float("5."))
print(float(7), float(), float("  -1.5e-3 "))
print(float("inf"), float("-inf"), float("NaN"))
print(float(True))
