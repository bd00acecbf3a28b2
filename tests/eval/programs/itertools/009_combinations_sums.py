# combinations of numbers with a target sum
from itertools import combinations
nums = [1, 3, 4, 6, 7]
print([c for c in combinations(nums, 2) if sum(c) == 10])
print([c for c in combinations(nums, 3) if sum(c) == 14])
print(list(combinations("ab", 0)), list(combinations([], 1)))
