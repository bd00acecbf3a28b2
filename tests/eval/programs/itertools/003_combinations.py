# itertools.combinations in lexicographic order
from itertools import combinations
print(list(combinations("abcd", 2)))
print(list(combinations(range(4), 3)))
print(list(combinations([1, 2], 3)))
print(len(list(combinations(range(10), 4))))
