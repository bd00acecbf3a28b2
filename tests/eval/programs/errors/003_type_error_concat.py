# TypeError when concatenating different sequence types
for a, b in [("a", 1), ([1], (2,)), ((1,), [2]), ("x", None)]:
    try:
        a + b
    except TypeError as e:
        print(e)
