# paths compare equal by components; / accepts str on either side
from pathlib import Path
print(Path("a/b") == Path("a") / "b")
print(Path("a/b") == Path("a/c"))
print(str("root" / Path("x")))
print(str(Path("a", "b", "c.txt")))
print(f"{Path('codelists') / 'asthma.csv'}")
