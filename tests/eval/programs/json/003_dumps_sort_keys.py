# dumps with sort_keys and separators
import json
d = {"b": 1, "a": {"d": 2, "c": 3}}
print(json.dumps(d, sort_keys=True))
print(json.dumps(d, separators=(",", ":")))
print(json.dumps(d, sort_keys=True, indent=1))
