# comprehension in a class body uses the iterable from class scope
class Config:
    names = ["a", "b"]
    upper = [n.upper() for n in names]
print(Config.upper)
