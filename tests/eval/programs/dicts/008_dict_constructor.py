# dict() from pairs, keywords and zip
print(dict())
print(dict(a=1, b=2))
print(dict([("x", 1), ("y", 2)]))
print(dict(zip(["p", "q"], [3, 4])))
print(dict({"m": 1}, n=2))
print(dict.fromkeys(["a", "b"], 0))
print(dict.fromkeys("xy"))
