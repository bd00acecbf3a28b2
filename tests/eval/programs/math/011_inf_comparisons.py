# math.inf as a starting value for running minima
import math
best = math.inf
for v in [5.5, 3.2, 9.1]:
    if v < best:
        best = v
print(best)
worst = -math.inf
print(max(worst, -1e308), math.inf == float("inf"))
