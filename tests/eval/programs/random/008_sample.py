# random.sample picks without replacement
import random
random.seed(5)
print(random.sample(range(100), 5))
print(random.sample(["a", "b", "c", "d"], 2))
print(sorted(random.sample(range(10), 10)))
