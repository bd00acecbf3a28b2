# str() of floats matches repr()
vals = [0.5, 1/7, 1e22, 1e-10, 3.0, 12345.678, 0.000123]
for v in vals:
    print(str(v), repr(v))
