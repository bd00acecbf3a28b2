# operator.attrgetter with plain and dotted names
from operator import attrgetter
class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
people = [P("bo", 30), P("al", 25), P("cy", 35)]
print([p.name for p in sorted(people, key=attrgetter("age"))])
print(attrgetter("name", "age")(people[0]))
print(attrgetter("real")(5))
