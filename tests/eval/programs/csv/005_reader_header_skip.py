# skipping the header with next() on the reader
import csv
reader = csv.reader(["name,n", "a,1", "b,22", "c,333"])
header = next(reader)
total = 0
for name, n in reader:
    total += int(n)
print(header, total)
