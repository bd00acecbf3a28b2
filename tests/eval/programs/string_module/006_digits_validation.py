# validating strings with string.digits and ascii_letters
import string
def is_code(s):
    return len(s) == 3 and s[0] in string.ascii_uppercase and all(c in string.digits for c in s[1:])
for s in ["E10", "e10", "E1x", "J45", "E100"]:
    print(s, is_code(s))
