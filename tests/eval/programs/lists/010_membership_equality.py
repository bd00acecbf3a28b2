# in, not in and list comparison
xs = [1, "two", 3.0, None]
print(1 in xs, "two" in xs, 3 in xs, None in xs, 2 not in xs)
print([1, 2] == [1, 2], [1, 2] == [2, 1])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99])
print([] == [], [[]] == [[]])
