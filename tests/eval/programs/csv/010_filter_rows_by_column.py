# filtering rows by a column value and converting types
import csv
lines = ["id,age,sex", "1,34,F", "2,71,M", "3,66,F", "4,12,M"]
older = [row for row in csv.DictReader(lines) if int(row["age"]) >= 65]
print([(r["id"], r["sex"]) for r in older])
ages = [int(r["age"]) for r in csv.DictReader(lines)]
print(max(ages), min(ages), sum(ages) / len(ages))
