# e and g format specs
x = 12345.6789
print(f"{x:e}")
print(f"{x:.2e}")
print(f"{x:E}")
print(f"{x:g}")
print(f"{x:.3g}")
print(f"{0.00001234:g}")
print(f"{1e20:g}")
print(f"{100.0:g}")
