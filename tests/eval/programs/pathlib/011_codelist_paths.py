# building codelist paths from a list of names
from pathlib import Path
CODELISTS = Path("codelists")
names = ["opensafely-asthma", "nhsd-diabetes"]
paths = [CODELISTS / f"{n}.csv" for n in names]
print([str(p) for p in paths])
print([p.stem.split("-")[0] for p in paths])
