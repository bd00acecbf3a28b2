# a fixed sequence of mixed calls after seeding
import random
random.seed(99)
print(random.random())
print(random.randint(1, 6))
print(random.choice([10, 20, 30]))
xs = ["a", "b", "c", "d", "e"]
random.shuffle(xs)
print(xs)
print(random.random())
