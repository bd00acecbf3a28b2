# nested dicts and grouping
rows = [("north", "a", 1), ("south", "b", 2), ("north", "c", 3)]
groups = {}
for region, name, n in rows:
    groups.setdefault(region, {})[name] = n
print(groups)
print(groups["north"]["c"])
print(sum(sum(v.values()) for v in groups.values()))
