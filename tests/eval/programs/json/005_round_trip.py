# loads(dumps(x)) round trips, tuples become lists
import json
data = {"ints": [1, 2], "tuple": (3, 4), "float": 0.1, "nested": {"k": [None]}}
back = json.loads(json.dumps(data))
print(back)
print(back == data, back["tuple"])
