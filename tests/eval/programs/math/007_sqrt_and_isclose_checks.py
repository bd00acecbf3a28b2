# comparing computed floats with isclose instead of ==
import math
a = math.sqrt(2) * math.sqrt(2)
print(a, a == 2, math.isclose(a, 2))
print(math.isclose(1e-9, 0, abs_tol=1e-8))
print(math.isclose(100, 101, rel_tol=0.01), math.isclose(100, 102, rel_tol=0.01))
