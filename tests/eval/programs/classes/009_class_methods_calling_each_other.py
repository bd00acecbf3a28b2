# methods calling other methods through self
class Stats:
    def __init__(self, values):
        self.values = list(values)
    def total(self):
        return sum(self.values)
    def mean(self):
        return self.total() / len(self.values)
s = Stats([2, 4, 9])
print(s.total(), s.mean())
