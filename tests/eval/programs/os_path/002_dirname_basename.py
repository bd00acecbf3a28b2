# dirname and basename
import os.path
p = "output/measures/rates.csv"
print(os.path.dirname(p), os.path.basename(p))
print(repr(os.path.dirname("file.txt")), repr(os.path.basename("dir/")))
print(os.path.dirname("/a/b/"), os.path.basename("/a/b"))
