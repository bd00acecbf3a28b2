# random.uniform and random.randrange
import random
random.seed(3)
print(random.uniform(1, 2))
print(random.uniform(10, 0))
print([random.randrange(10) for _ in range(5)])
print([random.randrange(0, 100, 10) for _ in range(5)])
