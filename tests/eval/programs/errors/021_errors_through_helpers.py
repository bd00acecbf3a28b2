# exceptions propagate through several helper calls
def parse_age(s):
    return int(s)
def load_row(row):
    return {"age": parse_age(row["age"])}
def load_all(rows):
    return [load_row(r) for r in rows]
try:
    load_all([{"age": "40"}, {"age": "forty"}])
except ValueError as e:
    print("failed:", e)
try:
    load_all([{"sex": "F"}])
except KeyError as e:
    print("missing column", e)
