# int() from strings, floats and bases
print(int("42"), int(" -7 "), int("0"), int("1_000"))
print(int(3.9), int(-3.9), int(2.0))
print(int("ff", 16), int("777", 8), int("101", 2), int("0x1f", 16))
print(int(), int(False), int(True))
print(int("z", 36))
