# zip stops at the shortest input
print(list(zip([1, 2, 3], "ab")))
print(list(zip()))
print(list(zip([1, 2], [3, 4], [5, 6])))
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
print(dict(zip("abc", range(3))))
