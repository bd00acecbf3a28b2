# recursion passing state through arguments
def count_down(n, acc=None):
    if acc is None:
        acc = []
    if n == 0:
        return acc
    acc.append(n)
    return count_down(n - 1, acc)
print(count_down(5))
def depth(d):
    return 1 + max((depth(v) for v in d.values() if isinstance(v, dict)), default=0)
print(depth({"a": {"b": {"c": 1}}, "d": 2}))
