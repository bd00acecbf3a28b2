# dumps with indent
import json
data = {"name": "study", "dates": ["2020-01-01", "2021-01-01"], "n": 3, "nested": {"x": None}}
print(json.dumps(data, indent=2))
print(json.dumps([1, [2, []], {}], indent=4))
