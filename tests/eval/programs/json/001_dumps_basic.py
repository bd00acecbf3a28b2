# json.dumps of basic types
import json
print(json.dumps(1), json.dumps(1.5), json.dumps("s"), json.dumps(None), json.dumps(True))
print(json.dumps([1, "a", None, False]))
print(json.dumps({"a": 1, "b": [1, 2]}))
print(json.dumps((1, 2)))
print(json.dumps({}), json.dumps([]))
