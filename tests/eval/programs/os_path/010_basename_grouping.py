# grouping files by extension using basename and splitext
import os.path
files = ["a/x.csv", "b/y.json", "c/z.csv", "w.txt"]
by_ext = {}
for f in files:
    ext = os.path.splitext(os.path.basename(f))[1]
    by_ext.setdefault(ext, []).append(os.path.basename(f))
print(by_ext)
