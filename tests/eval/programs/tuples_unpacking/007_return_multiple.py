# functions returning tuples
def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)
lo, hi, mean = stats([3, 9, 6])
print(lo, hi, mean)
result = stats([1, 2])
print(result, type(result).__name__)
