# raise ... from sets __cause__
try:
    try:
        int("nope")
    except ValueError as e:
        raise KeyError("wrapped") from e
except KeyError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)
