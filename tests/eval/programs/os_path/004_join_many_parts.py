# os.path.join with a loop-built list of parts
import os.path
parts = ["output", "2021", "measures"]
print(os.path.join(*parts))
print(os.path.join(*parts, "rate.csv"))
path = ""
for p in parts:
    path = os.path.join(path, p)
print(path)
