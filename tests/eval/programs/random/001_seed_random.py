# random.random after seeding reproduces Mersenne Twister output
import random
random.seed(1)
print(random.random())
print(random.random())
print(random.random())
random.seed(1)
print(random.random())
