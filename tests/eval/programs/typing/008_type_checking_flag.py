# TYPE_CHECKING is False at runtime
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    print("never printed")
else:
    print("runtime")
print(TYPE_CHECKING)
