# quoted fields with commas, quotes and empty values
import csv
lines = ['a,"b,c",d', '"say ""hi""",,x', '"",y,"z"']
for row in csv.reader(lines):
    print(len(row), row)
