# exception objects formatted in f-strings
try:
    int("abc")
except ValueError as err:
    print(f"Error: {err}")
    print(f"{type(err).__name__}: {err!s}")
    print(f"{err!r}")
