# splitext splits the last extension only
import os.path
print(os.path.splitext("data.csv"))
print(os.path.splitext("data.csv.gz"))
print(os.path.splitext("noext"))
print(os.path.splitext(".bashrc"))
print(os.path.splitext("dir.d/file"))
