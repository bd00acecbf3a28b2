# print with sep and end variants
print(1, "a", None, True, 2.5, [1], {"k": "v"})
print("a", "b", sep="")
print("a", "b", sep=", ", end=".\n")
print("no newline", end=" ")
print("continued")
