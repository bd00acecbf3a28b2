# implicit concatenation of f-strings and plain strings
a = 1
b = 2
s = (f"a={a}, "
     "then "
     f"b={b}")
print(s)
print(f"{a}" f"{b}" "c")
