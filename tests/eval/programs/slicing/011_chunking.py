# chunking a list into pieces with slices
items = list("abcdefgh")
size = 3
chunks = [items[i:i + size] for i in range(0, len(items), size)]
print(chunks)
print(["".join(c) for c in chunks])
print(items[-size:], items[:-size])
