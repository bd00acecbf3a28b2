# random.randint is inclusive on both ends
import random
random.seed(42)
print([random.randint(1, 10) for _ in range(10)])
print([random.randint(0, 1) for _ in range(10)])
print(random.randint(1000, 1000000))
