# isabs and os.sep
import os
print(os.path.isabs("/etc"), os.path.isabs("rel/path"))
print(os.sep, os.path.sep)
print(os.path.isabs(""), os.path.isabs("//x"))
print(os.path.join("a", "b").count(os.sep))
