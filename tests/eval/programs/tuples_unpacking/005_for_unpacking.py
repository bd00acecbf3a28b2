# unpacking in for loops
pairs = [(1, "a"), (2, "b"), (3, "c")]
for n, s in pairs:
    print(n, s)
for i, (n, s) in enumerate(pairs):
    print(i, n * s)
d = {"x": 1, "y": 2}
for k, v in d.items():
    print(k, v)
