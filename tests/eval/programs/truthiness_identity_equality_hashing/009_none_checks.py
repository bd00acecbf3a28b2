# None checks with is, ==, and truthiness
def describe(v):
    if v is None:
        return "none"
    if not v:
        return "falsy"
    return "value"
print([describe(v) for v in [None, 0, "", "x", [], [None]]])
