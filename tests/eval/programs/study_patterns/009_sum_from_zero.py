# sum() starts from 0, so objects must accept 0 + value
class Count:
    def __init__(self, n):
        self.n = n
totals = [Count(2), Count(5), Count(7)]
print(sum(c.n for c in totals))
print(sum([c.n for c in totals], 100))
print(sum([0.5, 0.25], 0))
