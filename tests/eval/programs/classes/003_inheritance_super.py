# inheritance and super().__init__
class Base:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return f"base {self.name}"
class Child(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
    def describe(self):
        return super().describe() + f" + {self.extra}"
c = Child("c", 42)
print(c.describe())
print(c.name, c.extra)
