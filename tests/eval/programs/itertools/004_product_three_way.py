# product of three lists used as a grid of parameters
from itertools import product
ages = ["18-39", "40+"]
sexes = ["F", "M"]
years = [2020, 2021]
for a, s, y in product(ages, sexes, years):
    print(a, s, y)
