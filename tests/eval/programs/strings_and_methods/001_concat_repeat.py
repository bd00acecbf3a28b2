# string concatenation, repetition and len
s = "ab" + "cd"
print(s, len(s))
print("-" * 10)
print(3 * "xy")
print("" * 5 == "")
print("a" "b" "c")
