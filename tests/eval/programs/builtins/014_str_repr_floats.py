# str and repr of tricky floats
for v in [1e-07, 0.1 + 0.2, 1e16, -0.0, float("inf"), float("nan"), 1e15, 123.456, 5e-324, 1.7976931348623157e308]:
    print(str(v), repr(v))
print(1e16 - 1, 2.0 ** 53)
print(0.1 * 3, 1.1 + 2.2)
