# random.choice from lists and strings
import random
random.seed(1)
options = ["red", "green", "blue", "yellow"]
print([random.choice(options) for _ in range(6)])
print(random.choice("abcdef"), random.choice(range(100)))
