# nested comprehension producing a dict of lists
groups = {k: [x for x in range(10) if x % 3 == k] for k in range(3)}
print(groups)
print({k: len(v) for k, v in groups.items()})
print([[x * y for y in range(3)] for x in range(3)])
