# type annotations on functions do not affect calls
from typing import List, Dict, Optional
def f(xs: List[int], d: Dict[str, int], name: Optional[str] = None) -> int:
    return len(xs) + len(d) + (0 if name is None else 1)
print(f([1, 2], {"a": 1}))
print(f([], {}, "x"))
