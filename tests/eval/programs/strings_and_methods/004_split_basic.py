# split with default whitespace and with separators
print("a b  c\td\n e".split())
print("a,b,,c".split(","))
print("a,b,c,d".split(",", 2))
print("".split())
print("".split(","))
print("one::two::three".split("::"))
print("  lead and trail  ".split(" "))
