# annotated assignments at module level and in functions
from typing import Any
x: int = 5
y: Any = "anything"
def g():
    z: float = 1.5
    return z * 2
print(x, y, g())
