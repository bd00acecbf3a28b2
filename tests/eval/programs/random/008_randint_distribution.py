# counting randint outcomes over many draws
import random
random.seed(2024)
counts = {}
for _ in range(1000):
    v = random.randint(1, 4)
    counts[v] = counts.get(v, 0) + 1
print(sorted(counts.items()))
print(random.random())
