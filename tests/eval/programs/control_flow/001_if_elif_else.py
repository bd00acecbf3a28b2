# if / elif / else chains
def classify(age):
    if age < 18:
        return "child"
    elif age < 65:
        return "adult"
    elif age < 120:
        return "older"
    else:
        return "invalid"
for a in [5, 18, 64, 65, 130]:
    print(a, classify(a))
