# TypeError for calling, subscripting and iterating the wrong things
five = 5
nothing = None
text = "abc"
nums = [1, 2]
cases = [lambda: five(), lambda: nothing[0], lambda: list(five), lambda: 3 in five, lambda: len(five),
         lambda: text["x"], lambda: nums["0"], lambda: {"a": 1}[nums]]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
