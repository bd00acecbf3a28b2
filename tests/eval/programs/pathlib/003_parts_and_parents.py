# parts and parents of a relative path
from pathlib import Path
p = Path("a/b/c/d.txt")
print(p.parts)
print([str(x) for x in p.parents])
print(str(Path("a/b").parent), str(Path("a").parent))
