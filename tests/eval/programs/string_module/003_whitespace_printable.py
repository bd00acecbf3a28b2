# whitespace and printable repr
import string
print(repr(string.whitespace))
print(len(string.printable))
print(repr(string.printable[-6:]))
