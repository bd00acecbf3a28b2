# reduce to find a max and to merge dicts
from functools import reduce
print(reduce(lambda a, b: a if a > b else b, [3, 9, 2, 7]))
dicts = [{"a": 1}, {"b": 2}, {"a": 3}]
print(reduce(lambda acc, d: {**acc, **d}, dicts, {}))
