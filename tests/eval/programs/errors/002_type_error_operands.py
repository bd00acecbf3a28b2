# TypeError messages for unsupported operand types
cases = [lambda: 1 + "a", lambda: "a" - "b", lambda: [1] * 2.0, lambda: None + 1,
         lambda: 2.5 // "x", lambda: {} | [], lambda: -"s", lambda: 1 < "a"]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
