# deduplicate a list keeping first-seen order with a set
items = ["b", "a", "b", "c", "a", "d"]
seen = set()
out = []
for x in items:
    if x not in seen:
        seen.add(x)
        out.append(x)
print(out)
print(list(dict.fromkeys(items)))
