# vars() of an instance lists its attributes
class P:
    def __init__(self):
        self.a = 1
        self.b = "two"
p = P()
print(vars(p))
p.c = [3]
print(sorted(vars(p)))
