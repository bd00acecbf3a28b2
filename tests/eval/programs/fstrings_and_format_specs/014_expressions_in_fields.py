# arbitrary expressions and method calls inside fields
items = {"a": 1, "b": 2}
print(f"{len(items)} keys: {', '.join(sorted(items))}")
print(f"{items['a'] * 10}")
print(f"{'yes' if items else 'no'}")
print(f"{sum(items.values()) / len(items):.1f}")
print(f"{[k for k in items]}")
