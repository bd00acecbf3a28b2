# AssertionError with messages built at runtime
def check(age):
    assert age >= 0, f"age must be non-negative, got {age}"
    return age
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print(type(e).__name__, "|", e)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e.args)
