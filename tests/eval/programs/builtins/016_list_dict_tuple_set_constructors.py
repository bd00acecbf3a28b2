# empty and converting constructors
print(list(), dict(), tuple(), set())
print(list({1: "a"}), tuple("ab"), sorted(set("aab")))
print(dict([(1, 2)]), list(range(2)), tuple([[]]))
print(list(list([1])), tuple(tuple((2,))))
print(dict(a=list(), b=tuple()))
