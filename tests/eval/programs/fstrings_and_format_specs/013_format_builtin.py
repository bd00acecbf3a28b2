# the format() builtin uses the same mini-language
print(format(3.14159, ".2f"))
print(format(1234567, ","))
print(format("x", "^5"))
print(format(0.25, "%"))
print(format(42))
print(format(42, "d"))
print(repr(format(5, "")))
