# randint over large ranges needs more than 32 random bits
import random
random.seed(8)
print(random.randint(0, 2 ** 40))
print(random.randint(-10 ** 12, 10 ** 12))
print(random.randint(1, 2 ** 33))
