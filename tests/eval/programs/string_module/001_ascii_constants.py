# string module letter constants
import string
print(string.ascii_lowercase)
print(string.ascii_uppercase)
print(string.ascii_letters)
print(len(string.ascii_letters))
