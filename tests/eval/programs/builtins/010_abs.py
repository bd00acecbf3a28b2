# abs of ints, floats and bools
print(abs(-5), abs(5), abs(0))
print(abs(-2.5), abs(-0.0), abs(float("-inf")))
print(abs(True), abs(-True))
print(abs(-7) == 7, abs(3 - 10))
print([abs(x) for x in [-2, 0, 2]])
