# operator.itemgetter with one and several items
from operator import itemgetter
rows = [("b", 2, "x"), ("a", 3, "y"), ("c", 1, "z")]
print(sorted(rows, key=itemgetter(1)))
print(sorted(rows, key=itemgetter(0)))
get02 = itemgetter(0, 2)
print([get02(r) for r in rows])
print(itemgetter("k")({"k": "v"}))
