# TypeError when assigning into immutable values
def set_str():
    s = "abc"
    s[0] = "x"
def set_tuple():
    t = (1, 2)
    t[0] = 9
def del_tuple():
    t = (1, 2)
    del t[0]
for f in [set_str, set_tuple, del_tuple]:
    try:
        f()
    except TypeError as e:
        print(e)
