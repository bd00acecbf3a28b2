# DictReader with explicit fieldnames reads every line as data
import csv
lines = ["E10,diabetes", "J45,asthma"]
for row in csv.DictReader(lines, fieldnames=["code", "name"]):
    print(row["code"], "->", row["name"])
