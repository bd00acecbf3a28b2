# sort is stable for equal keys
people = [("amy", 30), ("bob", 25), ("cat", 30), ("dan", 25)]
people.sort(key=lambda p: p[1])
print(people)
people.sort(key=lambda p: p[1], reverse=True)
print(people)
