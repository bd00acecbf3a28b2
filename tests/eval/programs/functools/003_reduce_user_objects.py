# reduce folding objects with a method
from functools import reduce
class Cond:
    def __init__(self, text):
        self.text = text
    def either(self, other):
        return Cond(f"({self.text} | {other.text})")
conds = [Cond("a"), Cond("b"), Cond("c")]
print(reduce(lambda x, y: x.either(y), conds).text)
