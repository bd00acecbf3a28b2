# set literals of small ints print sorted-by-hash order
s = {3, 1, 2, 3}
print(s, len(s))
s.add(0)
s.add(2)
print(s)
print(1 in s, 9 in s)
print(set(), len(set()))
