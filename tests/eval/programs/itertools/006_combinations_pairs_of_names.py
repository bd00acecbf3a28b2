# combinations of condition names to build pairwise labels
from itertools import combinations
conds = ["asthma", "copd", "diabetes", "ckd"]
pairs = [f"{a}_and_{b}" for a, b in combinations(conds, 2)]
print(len(pairs))
for p in pairs:
    print(p)
