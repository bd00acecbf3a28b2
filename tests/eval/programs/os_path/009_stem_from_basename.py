# extracting stems from file paths
import os.path
files = ["out/a.csv", "out/b.csv.gz", "c"]
for f in files:
    stem = os.path.splitext(os.path.basename(f))[0]
    print(stem)
