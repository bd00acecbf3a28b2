# empty lines give empty rows in reader and are skipped by DictReader
import csv
lines = ["h1,h2", "", "v1,v2", ""]
print(list(csv.reader(lines)))
print(list(csv.DictReader(lines)))
