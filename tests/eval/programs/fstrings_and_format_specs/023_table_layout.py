# fixed-width table output
rows = [("Pfizer", 1234, 0.4567), ("AstraZeneca", 98, 0.05), ("Moderna", 12000, 1.0)]
print(f"{'brand':<12}{'n':>8}{'pct':>8}")
for brand, n, pct in rows:
    print(f"{brand:<12}{n:>8,}{pct:>8.1%}")
