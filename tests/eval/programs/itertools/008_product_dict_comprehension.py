# product inside a dict comprehension
import itertools
measures = {f"{g}_{m}": (g, m) for g, m in itertools.product(["all", "female"], ["rate", "count"])}
print(list(measures))
print(measures["female_rate"])
