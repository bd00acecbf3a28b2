# shuffling a list of strings with several seeds
import random
for seed in [1, 2, 3]:
    random.seed(seed)
    names = ["asthma", "copd", "diabetes", "ckd", "cancer"]
    random.shuffle(names)
    print(seed, names)
