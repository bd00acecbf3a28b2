# tuple count and index, immutability of content
t = (1, 2, 2, 3, 2)
print(t.count(2), t.index(3))
print(t + (4,), t * 2)
print(t[1:4], t[::-1])
print(3 in t, 9 in t)
