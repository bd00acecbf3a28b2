# lists, dicts and sets are unhashable
for v in [[1], {"a": 1}, {1}]:
    try:
        {v: 1}
    except TypeError as e:
        print(e)
try:
    {[1]: 2}
except TypeError as e:
    print(e)
try:
    {1, [2]}
except TypeError as e:
    print(e)
