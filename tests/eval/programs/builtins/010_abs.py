# abs of ints, floats and bools
print(abs(-5), abs(5), abs(0))
print(abs(-2.5), abs(-0.0), abs(float("-inf")))
print(abs(True), abs(-True))
