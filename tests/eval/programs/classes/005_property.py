# @property getters computed from attributes
class Person:
    def __init__(self, first, last):
        self.first = first
        self.last = last
    @property
    def full_name(self):
        return f"{self.first} {self.last}"
p = Person("Ada", "Lovelace")
print(p.full_name)
p.first = "Augusta"
print(p.full_name)
