# append, extend, insert
xs = [1, 2]
xs.append(3)
print(xs)
xs.extend([4, 5])
print(xs)
xs.extend("ab")
print(xs)
xs.insert(0, "first")
xs.insert(-1, "mid")
xs.insert(100, "end")
print(xs)
