# rsplit with maxsplit
print("a.b.c.d".rsplit(".", 1))
print("a.b.c.d".rsplit(".", 2))
print("a.b.c.d".rsplit("."))
print("x y z".rsplit(None, 1))
print("name_of_var_2020".rsplit("_", 1)[0])
