# copy is shallow; equality ignores order
a = {"k": [1], "j": 2}
b = a.copy()
b["j"] = 3
b["k"].append(2)
print(a, b)
print({"x": 1, "y": 2} == {"y": 2, "x": 1})
print({"x": 1} != {"x": 1.0})
