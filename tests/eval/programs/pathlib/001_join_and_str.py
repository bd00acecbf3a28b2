# Path / joins components; str gives the posix form
from pathlib import Path
p = Path("analysis") / "config" / "study.json"
print(str(p))
print(p.name, p.stem, p.suffix)
print(str(p.parent), str(p.parent.parent))
