# zip over equal lengths and enumerate inside zip
print(list(zip([1, 2], "ab")))
print(list(zip(range(3), enumerate("xyz"))))
print(list(zip("ab", [1, 2], (True, False))))
print(dict(zip(["a", "b"], zip([1, 2], [3, 4]))))
print(list(zip([1, 2, 3])))
