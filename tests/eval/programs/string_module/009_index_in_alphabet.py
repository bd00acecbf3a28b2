# position of letters in the alphabet
import string
for ch in "ehr":
    print(ch, string.ascii_lowercase.index(ch) + 1)
print([string.ascii_uppercase.index(c) for c in "AZ"])
print(string.ascii_lowercase.find("0"))
