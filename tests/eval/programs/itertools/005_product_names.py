# product used to generate column names
import itertools
brands = ["pfizer", "az"]
doses = [1, 2, 3]
names = [f"{b}_{d}" for b, d in itertools.product(brands, doses)]
print(names)
