# __file__-relative paths: names only, no absolute prefix
from pathlib import Path
here = Path(__file__)
print(here.name)
print(here.suffix)
print(here.parent.name)
print((here.parent / "config.json").name)
