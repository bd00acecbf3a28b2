# ValueError from int() and float() on bad strings
for s in ["x", "", "1.5", " 4 2", "0x10"]:
    try:
        int(s)
    except ValueError as e:
        print(e)
for s in ["abc", "", "1,5"]:
    try:
        float(s)
    except ValueError as e:
        print(e)
