# Path collapses repeated slashes and single dots but keeps ..
from pathlib import Path
print(str(Path("a//b/./c")))
print(str(Path("a/b/../c")))
print(str(Path("./x")), str(Path(".")), str(Path("")))
print(str(Path("a/b/")))
