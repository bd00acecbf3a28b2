# no type: floats use repr-like formatting with precision as significant digits
print(f"{1.0:.3}")
print(f"{1234.5:.3}")
print(f"{0.1 + 0.2:.10}")
print(f"{1/3:10.4}|")
print(f"{1e16:.2}")
