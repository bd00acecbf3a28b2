# sort with key and reverse, returns None
xs = [3, 1, 4, 1, 5, 9, 2, 6]
r = xs.sort()
print(r, xs)
xs.sort(reverse=True)
print(xs)
words = ["banana", "Apple", "cherry", "date"]
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
