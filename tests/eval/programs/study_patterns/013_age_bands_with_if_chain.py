# if/elif chains mapping values to labels in a helper
def age_band(age):
    if age is None:
        return "missing"
    elif age < 18:
        return "0-17"
    elif age < 40:
        return "18-39"
    elif age < 65:
        return "40-64"
    else:
        return "65+"
ages = [None, 5, 18, 39, 40, 64, 65, 101]
print([age_band(a) for a in ages])
from collections import Counter
print(Counter(age_band(a) for a in ages).most_common(2))
