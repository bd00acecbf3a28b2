# raise a class without instantiating and convert exceptions
try:
    raise KeyError
except KeyError as e:
    print(repr(e), e.args)
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise ValueError(f"no variable named {k}") from None
try:
    lookup({"age": 1}, "bmi")
except ValueError as e:
    print(e)
