# , and _ grouping
print(f"{1234567:,}")
print(f"{1234567.891:,.2f}")
print(f"{-1234:,}")
print(f"{999:,}")
print(f"{1234567:_}")
print(f"{1234567:>12,}")
print(f"{0:,}")
