# csv.reader over a list of lines
import csv
lines = ["code,term", "E10,Type 1 diabetes", "E11,Type 2 diabetes"]
for row in csv.reader(lines):
    print(row)
