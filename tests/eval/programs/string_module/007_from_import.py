# from string import names
from string import ascii_lowercase, digits
print(ascii_lowercase[::5])
print(digits[::-1])
print(all(c in ascii_lowercase for c in "abc"))
