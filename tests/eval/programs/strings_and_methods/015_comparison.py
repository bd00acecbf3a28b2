# lexicographic string comparison
print("apple" < "banana")
print("Zebra" < "apple")
print("abc" < "abd", "ab" < "abc")
print("a" == "a", "a" != "A")
print(sorted(["b", "C", "a", "B"]))
print(max("hello"), min("hello"))
