# math.pi, math.e, math.inf, math.nan
import math
print(math.pi, math.e)
print(math.inf, -math.inf, math.inf > 10 ** 300)
print(math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1.0))
print(math.tau)
