# slice() objects used as indexes
s = slice(1, 5, 2)
print(s.start, s.stop, s.step)
print("abcdefg"[s], list(range(10))[s])
last3 = slice(-3, None)
print("abcdefg"[last3], [1, 2, 3, 4][last3])
print(slice(3))
