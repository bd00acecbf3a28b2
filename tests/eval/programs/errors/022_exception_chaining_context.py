# __context__ is set when raising inside except
try:
    try:
        {}["a"]
    except KeyError:
        raise ValueError("while handling")
except ValueError as e:
    print(type(e.__context__).__name__, e.__context__)
    print(e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("no cause") from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__)
