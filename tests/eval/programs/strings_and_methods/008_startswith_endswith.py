# startswith/endswith with strings, tuples and offsets
s = "dataset_definition.py"
print(s.startswith("data"), s.startswith("set"))
print(s.endswith(".py"), s.endswith((".csv", ".py")))
print(s.startswith(("x", "d")))
print(s.startswith("set", 4))
print("".startswith(""), "abc".endswith(""))
