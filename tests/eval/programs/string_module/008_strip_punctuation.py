# removing punctuation with a comprehension over string.punctuation
import string
text = "Hello, world! (test) #1."
clean = "".join(ch for ch in text if ch not in string.punctuation)
print(clean)
print(clean.lower().split())
