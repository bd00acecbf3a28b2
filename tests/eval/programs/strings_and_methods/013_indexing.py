# indexing from the start and end
s = "python"
print(s[0], s[5], s[-1], s[-6])
print(s[2] + s[-2])
for i in range(len(s)):
    print(i, s[i])
