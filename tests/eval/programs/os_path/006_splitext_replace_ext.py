# changing a file extension with splitext
import os.path
for f in ["out/data.csv", "out/data.csv.gz", "report"]:
    root, ext = os.path.splitext(f)
    print(root + ".arrow", ext or "(none)")
