# str.join over lists, tuples and generators
print(", ".join(["a", "b", "c"]))
print("".join(("x", "y")))
print("-".join(str(i) for i in range(5)))
print("|".join([]))
print(" ".join("abc"))
print("\n".join(["line1", "line2"]))
