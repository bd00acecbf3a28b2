# copy vs aliasing
a = [1, [2, 3]]
b = a
c = a.copy()
d = a[:]
a.append(4)
a[1].append(99)
print(a)
print(b)
print(c)
print(d)
print(a is b, a is c, a == b)
