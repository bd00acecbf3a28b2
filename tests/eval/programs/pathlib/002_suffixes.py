# suffix, suffixes and stem with multiple dots
from pathlib import Path
p = Path("output") / "dataset.csv.gz"
print(p.suffix, p.suffixes, p.stem)
print(Path("noext").suffix == "", Path("noext").stem)
print(Path(".hidden").suffix == "", Path(".hidden").stem)
