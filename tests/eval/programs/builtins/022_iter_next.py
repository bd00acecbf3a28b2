# iter and next with default
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
s = iter("ab")
print(next(s), list(s))
d = iter({"k": 1, "j": 2})
print(next(d))
r = iter(range(3))
print(sum(r))
