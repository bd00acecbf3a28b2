# stem and suffix for several file names
from pathlib import Path
for name in ["a.csv", "b.csv.gz", "c", "d.arrow", "dir/e.json"]:
    p = Path(name)
    print(f"{name:<10} {p.stem:<8} {p.suffix!r}")
