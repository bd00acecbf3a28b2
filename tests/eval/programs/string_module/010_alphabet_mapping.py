# mapping letters to numbers with ascii_lowercase
import string
letter_to_num = {c: i for i, c in enumerate(string.ascii_lowercase, 1)}
print(letter_to_num["a"], letter_to_num["z"])
word = "ehrql"
print([letter_to_num[c] for c in word], sum(letter_to_num[c] for c in word))
