# bools are ints in arithmetic
print(True + True)
print(True * 10)
print(False - 1)
print(sum([True, False, True, True]))
print(True / 2)
print(True == 1, False == 0)
