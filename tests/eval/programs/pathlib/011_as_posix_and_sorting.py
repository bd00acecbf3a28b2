# as_posix and sorting paths
from pathlib import Path
paths = [Path("b/x.csv"), Path("a/z.csv"), Path("a/y.csv")]
print([p.as_posix() for p in sorted(paths)])
print(max(paths).as_posix())
