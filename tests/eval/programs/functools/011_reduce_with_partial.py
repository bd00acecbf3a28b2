# reduce with a partial combinator and an initial value
from functools import reduce, partial
def combine(sep, a, b):
    return f"{a}{sep}{b}"
join_and = partial(combine, " & ")
print(reduce(join_and, ["a", "b", "c"]))
print(reduce(join_and, ["x"], "start"))
