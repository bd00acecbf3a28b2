# basic string slices
s = "abcdefgh"
print(s[2:5], s[:3], s[5:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::3])
print(s[10:], s[3:1], repr(s[8:]))
