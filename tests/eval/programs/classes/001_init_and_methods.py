# __init__ and instance methods
class Counter:
    def __init__(self, start=0):
        self.value = start
    def inc(self, by=1):
        self.value += by
        return self
c = Counter()
c.inc().inc(5)
print(c.value)
print(Counter(10).inc().value)
