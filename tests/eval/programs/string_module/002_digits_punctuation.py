# digits, hexdigits, octdigits and punctuation
import string
print(string.digits)
print(string.hexdigits)
print(string.octdigits)
print(string.punctuation)
