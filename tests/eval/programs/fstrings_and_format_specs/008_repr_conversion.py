# !r and !s conversions
s = "text"
print(f"{s!r}")
print(f"{s!s}")
print(f"{[s, 1]!r}")
print(f"{'café'!r}")
print(f"{s!r:>10}")
print(f"{None!r} {1.5!r}")
