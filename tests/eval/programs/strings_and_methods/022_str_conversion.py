# str() of various values
print(str(42), str(-3.5), str(True), str(None))
print(str([1, "a", None]))
print(str((1,)), str(()))
print(str({"k": [1, 2]}))
print(str("already"))
print(str(1e100))
