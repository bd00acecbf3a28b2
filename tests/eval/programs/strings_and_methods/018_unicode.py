# non-ascii characters, len and case
s = "café naïve"
print(s, len(s))
print(s.upper())
print("Straße".lower())
print(s[3], s[-1])
print("é" in s)
