# chaining lists produced by helpers
from itertools import chain
def codes(prefix, n):
    return [f"{prefix}{i}" for i in range(n)]
allc = list(chain(codes("A", 2), codes("B", 3)))
print(allc, len(allc))
