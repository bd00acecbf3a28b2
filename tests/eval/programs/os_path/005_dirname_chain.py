# repeated dirname walks up the tree
import os.path
p = "a/b/c/d.txt"
while p:
    print(repr(p), repr(os.path.basename(p)))
    p = os.path.dirname(p)
