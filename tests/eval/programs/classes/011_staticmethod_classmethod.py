# @staticmethod and @classmethod
class Date:
    def __init__(self, y, m):
        self.y = y
        self.m = m
    @classmethod
    def from_string(cls, s):
        y, m = s.split("-")
        return cls(int(y), int(m))
    @staticmethod
    def is_valid_month(m):
        return 1 <= m <= 12
d = Date.from_string("2021-07")
print(d.y, d.m)
print(Date.is_valid_month(13), d.is_valid_month(7))
