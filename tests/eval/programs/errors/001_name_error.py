# NameError for undefined names
try:
    print(undefined_name)
except NameError as e:
    print(type(e).__name__, "|", e)
def f():
    return also_missing + 1
try:
    f()
except NameError as e:
    print(type(e).__name__, "|", e)
