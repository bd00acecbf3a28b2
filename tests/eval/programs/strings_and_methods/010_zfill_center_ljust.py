# zfill, center, ljust, rjust
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("[" + "hi".center(7) + "]")
print("[" + "hi".center(8, "*") + "]")
print("[" + "hi".ljust(5) + "]", "[" + "hi".rjust(5, ".") + "]")
print("toolong".ljust(3))
