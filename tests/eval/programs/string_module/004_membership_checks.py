# classifying characters using string constants
import string
s = "Ab3 !z"
for ch in s:
    kind = "letter" if ch in string.ascii_letters else "digit" if ch in string.digits else "other"
    print(repr(ch), kind)
