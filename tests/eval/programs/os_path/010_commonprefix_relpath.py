# commonprefix and relpath on relative paths
import os.path
print(os.path.commonprefix(["analysis/a.py", "analysis/b.py"]))
print(os.path.relpath("a/b/c", "a"))
print(os.path.relpath("a", "a/b"))
