# UnboundLocalError when a local is read before assignment
count = 0
def bump():
    count += 1
try:
    bump()
except UnboundLocalError as e:
    print(type(e).__name__, "|", e)
def maybe(flag):
    if flag:
        value = 1
    return value
try:
    maybe(False)
except UnboundLocalError as e:
    print(e)
print(isinstance(UnboundLocalError("x"), NameError))
