# iterating characters and enumerate
for ch in "abc":
    print(ch, ord(ch))
for i, ch in enumerate("xyz", 1):
    print(i, ch)
print(list("hey"))
