# Counter counts and most_common
from collections import Counter
c = Counter("abracadabra")
print(c.most_common(3))
print(c["a"], c["z"])
print(sorted(c.items()))
print(c.most_common(1)[0][0])
