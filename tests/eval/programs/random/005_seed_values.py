# different integer seeds give different streams
import random
for seed in [0, 1, 2, 12345, 2 ** 40]:
    random.seed(seed)
    print(seed, random.random(), random.randint(1, 100))
