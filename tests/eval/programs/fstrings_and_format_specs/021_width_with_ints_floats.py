# width larger and smaller than the value
print(f"[{123:2}]")
print(f"[{123:6}]")
print(f"[{1.5:6}]")
print(f"[{'s':3}]")
print(f"[{True:5}]")
print(f"[{None!s:>6}]")
