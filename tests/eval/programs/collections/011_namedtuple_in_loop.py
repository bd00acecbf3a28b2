# namedtuples created in a loop and accessed by attribute
from collections import namedtuple
Measure = namedtuple("Measure", ["name", "numerator", "denominator"])
ms = [Measure(f"m{i}", i, 10) for i in range(3)]
for m in ms:
    print(m.name, m.numerator / m.denominator)
print(ms[1])
