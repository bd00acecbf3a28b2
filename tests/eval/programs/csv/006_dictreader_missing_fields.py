# DictReader fills short rows with None and collects extras under None
import csv
lines = ["a,b,c", "1,2", "1,2,3,4"]
for row in csv.DictReader(lines):
    print(row)
