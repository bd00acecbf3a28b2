# errors from string methods with wrong arguments
cases = [lambda: "a".join([1, 2]), lambda: "abc".split(""), lambda: "x".zfill("3"),
         lambda: "abc".startswith(["a"]), lambda: "a,b".replace(",", 1), lambda: "x" * "y"]
for c in cases:
    try:
        c()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, "|", e)
