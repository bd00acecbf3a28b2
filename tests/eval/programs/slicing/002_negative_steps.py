# slices with negative steps
s = "abcdefgh"
print(s[::-1])
print(s[::-2])
print(s[5:1:-1])
print(s[-2:-6:-2])
print(s[:2:-1])
print(s[2::-1])
