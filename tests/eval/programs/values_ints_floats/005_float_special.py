# inf, -inf, nan and negative zero
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan)
print(-0.0, 0.0)
print(inf > 1e308, -inf < -1e308)
print(nan == nan, nan != nan)
print(inf + 1, inf - inf)
print(repr(-0.0), str(float("-inf")))
