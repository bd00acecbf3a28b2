# x, X, o, b specs and # prefix
n = 255
print(f"{n:x} {n:X} {n:o} {n:b}")
print(f"{n:#x} {n:#o} {n:#b}")
print(f"{n:08b}")
print(f"{10:#06x}")
print(f"{-10:x}")
