# building a code list and a category dict from CSV rows
import csv
lines = ["code,category", "A1,1", "A2,2", "A3,1", "A4,3"]
rows = list(csv.DictReader(lines))
codes = [r["code"] for r in rows]
categories = {r["code"]: r["category"] for r in rows}
print(codes)
print(categories)
print(sorted({r["category"] for r in rows}))
