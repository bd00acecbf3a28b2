# class attributes shared and shadowed by instances
class Config:
    version = 1
    items = []
a = Config()
b = Config()
a.version = 2
a.items.append("x")
print(a.version, b.version, Config.version)
print(b.items)
Config.version = 5
print(b.version, a.version)
