# repr chooses quotes and escapes
print(repr("plain"))
print(repr("it's"))
print(repr('say "hi"'))
print(repr("both ' and \""))
print(repr("tab\there"))
print(repr("new\nline"))
print(repr("back\\slash"))
