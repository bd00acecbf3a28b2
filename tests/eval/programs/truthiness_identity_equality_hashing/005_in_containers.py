# in for lists, tuples, dicts, sets, strings, ranges
print(2 in [1, 2], 2 in (3,), "k" in {"k": 1}, 1 in {"k": 1}.values())
print(3 in {1, 2, 3}, "b" in "abc", 5 in range(0, 10, 5), 6 in range(0, 10, 5))
print(1.0 in [1], True in [1], None in [0, False])
print([1] in [[1], [2]], (1,) in {(1,): 1})
print("k" in {"k"}, "" in ["a"])
