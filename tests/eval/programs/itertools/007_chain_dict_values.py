# chain flattening dict values of lists
from itertools import chain
codelists = {"asthma": ["J45", "J46"], "copd": ["J44"], "none": []}
print(list(chain(*codelists.values())))
print(sorted(chain.from_iterable(codelists.values())))
print(list(chain("ab", range(2), ("t",))))
