# position of letters in the alphabet
import string
for ch in "ehr":
    print(ch, string.ascii_lowercase.index(ch) + 1)
