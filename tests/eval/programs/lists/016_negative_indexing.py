# negative indexes and index assignment
xs = ["a", "b", "c", "d"]
print(xs[-1], xs[-2], xs[-4])
xs[-1] = "z"
print(xs)
print(xs[len(xs) - 1])
