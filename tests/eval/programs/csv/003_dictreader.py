# csv.DictReader uses the first line as field names
import csv
lines = ["code,term,category", "J45,Asthma,resp", "J44,COPD,resp", "E11,Diabetes,endo"]
reader = csv.DictReader(lines)
print(reader.fieldnames)
for row in reader:
    print(row["code"], row["category"], row)
