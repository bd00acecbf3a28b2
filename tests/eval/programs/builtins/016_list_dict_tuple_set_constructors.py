# empty and converting constructors
print(list(), dict(), tuple(), set())
print(list({1: "a"}), tuple("ab"), sorted(set("aab")))
print(dict([(1, 2)]), list(range(2)), tuple([[]]))
