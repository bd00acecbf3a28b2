# TypeError messages for bad call arguments
def f(a, b=1, *, c):
    return a
cases = [lambda: f(), lambda: f(1), lambda: f(1, 2, 3, c=0), lambda: f(1, c=0, d=2), lambda: f(1, a=1, c=0)]
for case in cases:
    try:
        case()
    except TypeError as e:
        print(e)
