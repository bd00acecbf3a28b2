# a zero slice step is an error
try:
    "abc"[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1, 2][::0]
except ValueError as e:
    print(type(e).__name__, e)
