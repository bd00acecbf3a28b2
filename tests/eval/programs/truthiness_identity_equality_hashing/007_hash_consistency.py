# equal numbers are the same dict key and set member
d = {1: "a", 1.0: "b", True: "c"}
print(d)
s = {0, 0.0, False}
print(s, len(s))
print({(1, 2): "t"}[(1, 2)], {(1, 2.0): "x"}[(1.0, 2)])
print(len({"a", "a", "b"}), len({(1,), (1,)}))
print({1.5: "f"}[1.5], {None: 0}[None])
