# simple text table built with ljust/rjust
rows = [("age", 42), ("bmi", 27), ("sex", 1)]
for name, val in rows:
    print(name.ljust(6) + str(val).rjust(4))
print("=" * 10)
