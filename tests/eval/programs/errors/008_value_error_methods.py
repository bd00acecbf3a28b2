# ValueError from list.remove, list.index, str.index and unpacking
try:
    [1, 2].remove(3)
except ValueError as e:
    print(e)
try:
    ["a"].index("z")
except ValueError as e:
    print(e)
try:
    "abc".index("z")
except ValueError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
