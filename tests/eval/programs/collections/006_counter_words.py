# counting words with Counter and ties keep insertion order
from collections import Counter
words = "the cat and the hat and the bat".split()
c = Counter(words)
for word, n in c.most_common():
    print(word, n)
