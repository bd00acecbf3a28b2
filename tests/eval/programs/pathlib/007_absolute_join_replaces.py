# joining paths with str components and a trailing file name
from pathlib import Path
base = Path("analysis")
p = base / "sub" / "file.txt"
print(str(p))
print(str(p.parent / "other.txt"))
print(p.parent.name, p.parent.parent.name)
print(str(Path("a") / "b" / ".." / "c"))
