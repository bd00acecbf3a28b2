# out-of-range slice bounds are clamped
s = "hello"
print(repr(s[-100:100]), repr(s[3:100]), repr(s[-100:2]))
print(repr(s[4:2]), repr(s[2:2]))
print(repr(s[::-1][1:]), repr(s[-1:-100:-1]))
