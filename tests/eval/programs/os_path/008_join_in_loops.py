# building codelist paths in a loop
import os.path
names = ["asthma", "copd", "diabetes"]
paths = {n: os.path.join("codelists", f"opensafely-{n}.csv") for n in names}
for n, p in paths.items():
    print(n, p)
