# update, remove, discard, pop of a single element
s = {1, 2}
s.update([3, 4], {5})
print(s)
s.remove(5)
s.discard(5)
s.discard(1)
print(s)
one = {7}
print(one.pop(), one)
