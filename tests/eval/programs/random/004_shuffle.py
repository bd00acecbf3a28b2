# random.shuffle shuffles in place and returns None
import random
random.seed(0)
xs = list(range(10))
print(random.shuffle(xs))
print(xs)
random.shuffle(xs)
print(xs)
