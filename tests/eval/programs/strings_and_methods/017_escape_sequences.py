# escape sequences in literals
print("a\tb")
print("line1\nline2")
print("quote: \" and \'")
print("\\n is not a newline here")
print(r"raw \n string")
print(len("\n"), len(r"\n"))
print("\x41\u00e9")
