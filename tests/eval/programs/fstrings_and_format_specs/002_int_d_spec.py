# d format spec with widths and signs
n = 42
print(f"[{n:d}]")
print(f"[{n:5d}]")
print(f"[{n:<5d}]")
print(f"[{n:^5d}]")
print(f"[{n:+d}] [{-n:+d}]")
print(f"[{n: d}] [{-n: d}]")
print(f"[{n:05d}] [{-n:05d}]")
