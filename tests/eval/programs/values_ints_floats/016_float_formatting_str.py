# str() of floats matches repr()
vals = [0.5, 1/7, 1e22, 1e-10, 3.0, 12345.678, 0.000123]
for v in vals:
    print(str(v), repr(v))
print(str(1e16), str(9999999999999998.0))
print(str(0.0001), str(0.00001))
