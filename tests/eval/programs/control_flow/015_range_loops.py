# for loops over ranges with steps
for i in range(0, 10, 3):
    print(i, end=" ")
print()
for i in range(5, 0, -2):
    print(i, end=",")
print()
print(list(range(3, 3)), list(range(0)), list(range(-3)))
