# bools and None in f-strings
flag = True
print(f"{flag} {not flag}")
print(f"{None}")
print(f"{flag:d}")
print(f"{False:>6}")
