# with_name, with_suffix, with_stem
from pathlib import Path
p = Path("output/input_2020.csv")
print(str(p.with_suffix(".arrow")))
print(str(p.with_name("other.csv")))
print(str(p.with_stem("input_2021")))
print(str(p.with_suffix("")))
