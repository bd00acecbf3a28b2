# !r, !s and !a conversions
s = "text"
print(f"{s!r}")
print(f"{s!s}")
print(f"{[s, 1]!r}")
print(f"{'café'!a}")
print(f"{s!r:>10}")
print(f"{None!r} {1.5!r}")
