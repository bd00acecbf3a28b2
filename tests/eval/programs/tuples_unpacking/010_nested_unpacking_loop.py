# nested unpacking with zip and enumerate
a = ["p", "q"]
b = [(1, 2), (3, 4)]
for name, (lo, hi) in zip(a, b):
    print(name, lo, hi, hi - lo)
for i, (name, (lo, hi)) in enumerate(zip(a, b)):
    print(i, name, lo + hi)
