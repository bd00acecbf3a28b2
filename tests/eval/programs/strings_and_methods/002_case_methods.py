# lower, upper, title, capitalize, swapcase
s = "hello World of python"
print(s.lower())
print(s.upper())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("they're bill's".title())
