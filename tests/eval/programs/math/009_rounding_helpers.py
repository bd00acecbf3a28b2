# rounding to a number of decimals with floor/ceil
import math
def round_down(x, places):
    f = 10 ** places
    return math.floor(x * f) / f
def round_up(x, places):
    f = 10 ** places
    return math.ceil(x * f) / f
print(round_down(2.789, 2), round_up(2.781, 2), round_down(-1.25, 1))
