# user-defined __eq__
class Code:
    def __init__(self, value):
        self.value = value
    def __eq__(self, other):
        return isinstance(other, Code) and self.value == other.value
print(Code("A") == Code("A"), Code("A") == Code("B"), Code("A") == "A")
print(Code("A") != Code("B"))
print(Code("X") in [Code("Y"), Code("X")])
