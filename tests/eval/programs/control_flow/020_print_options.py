# print with sep, end and no arguments
print("a", "b", "c", sep="-")
print("x", end="")
print("y")
print()
print(1, 2, sep="")
print("end", end="!\n")
print(*[1, 2, 3])
print(*[], sep=",")
