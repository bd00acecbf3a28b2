# slicing fixed-format strings
code = "E10.123"
print(code[:3], code[4:], code[:code.index(".")])
date = "20210315"
print(date[:4], date[4:6], date[6:])
ident = "patient_0042"
print(int(ident[-4:]))
