# TypeError for missing and extra positional arguments
def g(x, y):
    return x + y
for args in [(), (1,), (1, 2, 3)]:
    try:
        g(*args)
    except TypeError as e:
        print(e)
class K:
    def m(self, v):
        return v
try:
    K().m()
except TypeError as e:
    print(e)
