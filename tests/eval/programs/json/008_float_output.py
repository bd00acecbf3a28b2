# floats are written with repr
import json
print(json.dumps([0.1, 1e16, 1e-7, 3.0, -0.0, 2.5e-10]))
print(json.dumps(float("inf")), json.dumps(float("nan")))
