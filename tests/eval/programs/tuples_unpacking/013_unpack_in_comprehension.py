# unpacking tuples inside comprehensions
pairs = [("a", 1), ("b", 2), ("c", 3)]
print([k for k, v in pairs if v != 2])
print({k: v * 10 for k, v in pairs})
print([v for _, v in pairs])
