# os.path.split into head and tail
import os.path
print(os.path.split("a/b/c.txt"))
print(os.path.split("c.txt"))
print(os.path.split("a/b/"))
print(os.path.split("/"))
