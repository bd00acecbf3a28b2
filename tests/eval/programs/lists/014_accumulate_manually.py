# running totals and filtering into lists
vals = [5, -2, 8, 0, -7, 3]
running = []
total = 0
for v in vals:
    total += v
    running.append(total)
print(running)
positives = [v for v in vals if v > 0]
print(positives, max(running), min(running))
