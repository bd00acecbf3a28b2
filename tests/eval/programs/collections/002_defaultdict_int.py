# defaultdict(int) counts
from collections import defaultdict
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
print(counts["z"], "z" in counts)
