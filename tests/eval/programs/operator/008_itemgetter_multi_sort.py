# sorting by several fields with itemgetter
from operator import itemgetter
rows = [{"r": "n", "a": 3}, {"r": "s", "a": 1}, {"r": "n", "a": 1}]
for row in sorted(rows, key=itemgetter("r", "a")):
    print(row)
print(list(map(itemgetter(0), [(1, 2), (3, 4)])))
