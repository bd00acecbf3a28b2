# dynamic names built with f-strings in loops
prefix = "vax_date"
names = []
for brand in ["Pfizer", "Moderna"]:
    for dose in range(1, 4):
        names.append(f"{prefix}_{brand}_{dose}")
for n in names:
    print(n)
