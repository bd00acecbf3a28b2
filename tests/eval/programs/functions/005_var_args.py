# *args collects extra positional arguments as a tuple
def f(first, *rest):
    return first, rest
print(f(1))
print(f(1, 2, 3))
def total(*nums):
    return sum(nums)
print(total(), total(1, 2, 3))
print(total(*range(5)))
