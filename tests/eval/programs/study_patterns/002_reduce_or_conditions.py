# folding many boolean-like objects with reduce(operator.or_)
import functools
import operator
class Cond:
    def __init__(self, text):
        self.text = text
    def __repr__(self):
        return f"Cond({self.text!r})"
def any_of(conds):
    return functools.reduce(lambda a, b: Cond(f"{a.text} | {b.text}"), conds)
names = ["asthma", "copd", "ckd"]
print(any_of([Cond(n) for n in names]))
print(functools.reduce(operator.or_, [n == "copd" for n in names]))
