# PurePosixPath repr, name and relative_to
from pathlib import PurePosixPath
p = PurePosixPath("analysis/codelists/asthma.csv")
print(repr(p))
print(str(p.relative_to("analysis")))
print(p.match("*.csv"), p.match("*.txt"))
