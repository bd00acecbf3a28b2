# building strings with += in a loop
out = ""
for i in range(5):
    out += str(i)
    if i < 4:
        out += ","
print(out)
names = ["a", "b"]
label = "vars:"
for n in names:
    label += " " + n.upper()
print(label)
