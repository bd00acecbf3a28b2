# Path values used in f-strings, dict values and comparisons
from pathlib import Path
outputs = {kind: Path("output") / f"{kind}.csv" for kind in ["dataset", "measures"]}
for kind, path in outputs.items():
    print(f"{kind} -> {path}")
print(outputs["dataset"] == Path("output/dataset.csv"))
print(outputs["dataset"].name in ["dataset.csv"])
