# generator expressions consumed by builtins
print(sum(x for x in range(101)))
print(max(len(w) for w in ["a", "abcd", "ab"]))
print(any(x > 3 for x in [1, 2, 5]))
print(all(x > 0 for x in [1, 2, 0]))
print(", ".join(str(x) for x in range(3)))
print(sorted((x % 3, x) for x in range(6)))
