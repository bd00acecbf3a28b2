# ordering between ints, floats, strings, lists and tuples
print(1 < 2.5, 2.5 <= 2.5, -1 > -2)
print("a" < "b", "B" < "a", "abc" > "ab")
print([1, 2] < [1, 2, 3], (1, "a") < (1, "b"))
print(False < True, True > 0.5)
print(sorted([2.5, 1, True, 0]))
