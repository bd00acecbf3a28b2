# slicing results of slices
s = "abcdefghij"
print(s[2:8][::-1])
print(s[::2][1:3])
print([list(range(10))[i:i + 3] for i in range(0, 10, 3)])
