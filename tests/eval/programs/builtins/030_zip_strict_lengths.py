# zip with strict=True on equal lengths, enumerate inside zip
print(list(zip([1, 2], "ab", strict=True)))
print(list(zip(range(3), enumerate("xyz"))))
