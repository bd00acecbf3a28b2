# typing.cast returns its argument unchanged
from typing import cast, Any
v: Any = "42"
n = int(cast(str, v))
print(n + 1)
print(cast(int, "still a str"))
