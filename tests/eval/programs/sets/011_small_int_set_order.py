# small non-negative int sets iterate in value order
s = {5, 3, 7, 1, 0}
print(list(s))
print(sorted(s, reverse=True))
print(sum(s), max(s), min(s))
