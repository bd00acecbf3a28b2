# int, float, bool and None keys become strings
import json
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
print(json.loads(json.dumps({1: 1})))
print(json.dumps({"b": 1, 2: "x"}))
print(json.dumps({False: 0}))
