# * unpacking in calls, lists and tuples
def f(a, b, c):
    return a + b + c
args = (1, 2, 3)
print(f(*args))
print(f(1, *[2, 3]))
print([*args, 4])
print((*args, *"ab"))
print([*range(3), *range(2)])
