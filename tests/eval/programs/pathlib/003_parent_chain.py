# walking up parents and reading names
from pathlib import Path
p = Path("analysis/dataset_definitions/main.py")
while str(p) != ".":
    print(str(p), p.name)
    p = p.parent
print(repr(str(p)))
