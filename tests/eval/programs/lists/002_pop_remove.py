# pop with and without index, remove first match
xs = [10, 20, 30, 20, 40]
print(xs.pop(), xs)
print(xs.pop(0), xs)
print(xs.pop(-2), xs)
xs.remove(20)
print(xs)
