# reseeding reproduces the same sequence of mixed calls
import random
def draw():
    return [random.randint(1, 6) for _ in range(3)], random.choice("xyz"), random.random()
random.seed(123)
first = draw()
random.seed(123)
second = draw()
print(first)
print(first == second)
