# StopIteration from next() on an exhausted iterator
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(str(e)), e.args)
print(next(it, "default"))
