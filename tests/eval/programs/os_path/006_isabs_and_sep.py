# isabs and os.sep
import os
print(os.path.isabs("/etc"), os.path.isabs("rel/path"))
print(os.sep, os.path.sep)
