# while loops with else, break and continue
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i", i)
else:
    print("while done")
j = 0
while True:
    j += 3
    if j > 10:
        break
print("j", j)
