# bool() truthiness of many values
for v in [0, 1, -1, 0.0, 0.1, "", "0", " ", [], [0], (), {}, {0: 0}, set(), None]:
    print(repr(v), bool(v))
print(bool())
print(bool(0.0), bool(-0.0), bool(float("nan")))
print(bool(range(0)), bool(range(1)))
