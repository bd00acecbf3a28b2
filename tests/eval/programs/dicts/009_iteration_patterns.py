# looping over dicts to set attributes by name
variables = {"age": 40, "sex": "F", "region": "North"}
for name in variables:
    print(name)
for name, value in variables.items():
    print(f"{name}={value}")
for value in variables.values():
    print(repr(value))
