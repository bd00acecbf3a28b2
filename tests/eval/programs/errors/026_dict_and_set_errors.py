# errors from dict and set misuse
cases = [lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: {}.popitem(), lambda: set().pop(),
         lambda: {[]: 1}]
for c in cases:
    try:
        c()
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, "|", e)
