# normpath collapses separators and dots
import os.path
print(os.path.normpath("a//b/./c/../d"))
print(os.path.normpath("./x/"))
print(os.path.normpath("../up/../x"))
print(os.path.normpath(""))
