# building output paths in a loop
from pathlib import Path
out = Path("output")
for year in [2020, 2021]:
    for kind in ["dataset", "measures"]:
        print(str(out / f"{kind}_{year}.csv.gz"))
