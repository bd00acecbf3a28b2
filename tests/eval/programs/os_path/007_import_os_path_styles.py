# importing os.path in different ways
import os
from os import path
from os.path import join, basename
print(os.path.join("x", "y") == path.join("x", "y") == join("x", "y"))
print(basename(join("dir", "f.json")))
