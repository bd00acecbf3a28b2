# raising a new exception inside except replaces the one being handled
def convert(v):
    try:
        return int(v)
    except ValueError:
        raise TypeError(f"cannot use {v!r} as a number")
for v in ["3", "three"]:
    try:
        print(convert(v))
    except TypeError as e:
        print(type(e).__name__, "|", e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("no cause") from None
except RuntimeError as e:
    print(e, e.__cause__)
