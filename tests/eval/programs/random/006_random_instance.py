# a random.Random instance keeps its own state
import random
r1 = random.Random(7)
r2 = random.Random(7)
print(r1.random() == r2.random())
print(r1.randint(1, 6), r2.randint(1, 6))
random.seed(7)
print(random.random(), random.Random(7).random())
