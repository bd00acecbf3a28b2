# codes held in dicts and lists, checked with in and comprehensions
codelists = {
    "asthma": ["J45", "J46"],
    "copd": ["J44"],
    "diabetes": ["E10", "E11", "E13"],
}
events = ["E11", "J45", "I10", "J44", "E11"]
for name, codes in codelists.items():
    hits = [e for e in events if e in codes]
    print(f"{name:<9} {len(hits)} {hits}")
print(sorted({e for e in events if any(e in c for c in codelists.values())}))
