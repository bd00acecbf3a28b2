# partial with keyword arguments that can be overridden
from functools import partial
def fmt(value, width=6, fill=" "):
    return str(value).rjust(width, fill)
zero_pad = partial(fmt, fill="0")
print(zero_pad(42))
print(zero_pad(42, width=3))
print(zero_pad(7, fill="*"))
print(partial(fmt, width=2)(5))
