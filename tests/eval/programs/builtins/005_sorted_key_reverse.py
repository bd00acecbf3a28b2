# sorted with key and reverse, original unchanged
xs = [3, -1, 2, -5]
print(sorted(xs), xs)
print(sorted(xs, key=abs))
print(sorted(xs, reverse=True))
print(sorted(xs, key=abs, reverse=True))
print(sorted("hello"))
print(sorted({"b": 1, "a": 2}))
print(sorted(["b", "A", "c"], key=str.lower))
