# bound methods are values
class Acc:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
a = Acc()
f = a.add
f(1)
f(2)
print(a.items)
for x in [3, 4]:
    a.add(x)
print(a.items)
print(list(map(str.upper, ["a", "b"])))
