# floats are written with repr
import json
print(json.dumps([0.1, 1e16, 1e-7, 3.0, -0.0, 2.5e-10]))
print(json.dumps(float("inf")), json.dumps(float("nan")))
print(json.dumps(1.0), json.dumps(100), json.dumps(1e22))
print(json.loads("1.5e300"), json.loads("0.1"))
