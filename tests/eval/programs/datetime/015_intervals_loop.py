# generating monthly interval start dates in a loop
from datetime import date
start = date(2021, 11, 1)
starts = []
y, m = start.year, start.month
for i in range(5):
    starts.append(date(y, m, 1))
    m += 1
    if m > 12:
        m = 1
        y += 1
print([str(s) for s in starts])
