# building names and conditions with comprehensions
brands = ["pfizer", "az"]
doses = [1, 2]
cols = [f"{b}_dose{d}" for b in brands for d in doses]
print(cols)
lookup = {c: i for i, c in enumerate(cols)}
print(lookup)
print([c for c in cols if c.endswith("2")])
