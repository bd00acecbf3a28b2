# lower, upper, title, capitalize
s = "hello World of python"
print(s.lower())
print(s.upper())
print(s.title())
print(s.capitalize())
print(s.lower() == s.upper().lower())
print("they're bill's".title())
