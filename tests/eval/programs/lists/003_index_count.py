# index and count
xs = ["a", "b", "c", "b", "a"]
print(xs.index("b"), xs.index("b", 2), xs.index("a", 1))
print(xs.count("a"), xs.count("z"))
print([1, 1.0, True].count(1))
