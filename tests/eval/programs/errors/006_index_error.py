# IndexError messages for list, tuple, str and pop
for get in [lambda: [1, 2][5], lambda: (1,)[-2], lambda: "ab"[9], lambda: [].pop(), lambda: [1].pop(3),
            lambda: range(3)[3]]:
    try:
        get()
    except IndexError as e:
        print(e)
