# isdigit, isalpha, isalnum, isspace, isupper, islower
for s in ["123", "abc", "a1", " ", "ABC", "abc1", "", "Ab"]:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
print("abc123".isalnum(), "ABC".isupper(), "".isdigit(), "a b".isalpha())
print("123".isdigit() and not "12a".isdigit(), " \t".isspace())
