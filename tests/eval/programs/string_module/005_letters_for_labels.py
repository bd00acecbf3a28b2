# generating labels from ascii_uppercase
import string
labels = [f"group_{string.ascii_uppercase[i]}" for i in range(5)]
print(labels)
print(dict(zip(string.ascii_lowercase[:3], range(3))))
