# equality across int, float, bool and strings
print(1 == 1.0 == True)
print(0 == False, "" == False, [] == False)
print("1" == 1, [1] == (1,), (1,) == (1,))
print({1: "a"} == {1.0: "a"})
print(None == 0, None == False)
