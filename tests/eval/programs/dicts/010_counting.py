# counting with get and with in
words = "a b a c b a".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
counts2 = {}
for w in words:
    if w not in counts2:
        counts2[w] = 0
    counts2[w] += 1
print(counts2 == counts)
