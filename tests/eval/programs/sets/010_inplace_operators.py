# in-place set operators
s = {1, 2, 3}
s |= {4}
print(s)
s &= {1, 2, 4, 9}
print(s)
s -= {1}
print(s)
s ^= {2, 7}
print(s)
