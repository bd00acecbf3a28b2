# super() calling an overridden non-init method
class Base:
    def parts(self):
        return ["base"]
class Mid(Base):
    def parts(self):
        return super().parts() + ["mid"]
class Leaf(Mid):
    def parts(self):
        return super().parts() + ["leaf"]
print(Leaf().parts())
