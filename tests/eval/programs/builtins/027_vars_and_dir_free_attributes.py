# vars() on a simple object and sorted attribute names
class Args:
    def __init__(self):
        self.region = "north"
        self.year = 2021
a = Args()
for k, v in vars(a).items():
    print(k, v)
print(sorted(vars(a)))
