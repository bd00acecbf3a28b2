# type() and __name__ and __class__
class Thing:
    pass
t = Thing()
print(type(t).__name__)
print(t.__class__.__name__)
print(type(t) is Thing)
print(Thing.__name__)
print(type(3).__name__, type("s").__name__, type([]).__name__, type(None).__name__)
