# find, rfind, index, count
s = "banana"
print(s.find("an"), s.rfind("an"), s.find("x"))
print(s.find("a", 2), s.find("a", 2, 3))
print(s.index("n"), s.rindex("n"))
print(s.count("a"), s.count("an"), s.count("x"), s.count(""))
print("aaaa".count("aa"))
