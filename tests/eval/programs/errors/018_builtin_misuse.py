# error messages from misused builtins
cases = [lambda: max([]), lambda: min([]), lambda: int(None), lambda: float([1]),
         lambda: sum(["a", "b"]), lambda: sorted([1, "a"]), lambda: range(1.5), lambda: abs("x")]
for c in cases:
    try:
        c()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, "|", e)
