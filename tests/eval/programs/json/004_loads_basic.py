# json.loads of objects and arrays
import json
obj = json.loads('{"a": 1, "b": [true, false, null], "c": 1.5, "d": "x"}')
print(obj)
print(type(obj["a"]).__name__, type(obj["c"]).__name__)
print(json.loads("[1, 2, 3]"), json.loads('"str"'), json.loads("null"))
print(json.loads("1e3"), json.loads("-0"), json.loads(" 42 "))
