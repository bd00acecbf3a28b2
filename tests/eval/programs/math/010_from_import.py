# from math import names directly
from math import floor, ceil, sqrt, pi, inf
print(floor(pi), ceil(pi), sqrt(pi))
print(min(inf, 5), max(-inf, -5))
print(f"{pi:.4f} {sqrt(2):.3f}")
