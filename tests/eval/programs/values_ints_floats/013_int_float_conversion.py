# int() truncates toward zero, float() converts
print(int(3.9), int(-3.9), int(0.5))
print(float(3), float(-2))
print(int(1e10))
print(int(True), float(False))
print(int("  42 "), int("-17"), int("+8"))
print(float("1e3"), float(" 2.5 "), float("-0"))
print(float("inf"), float("-Infinity"), float("nan"))
