# annotations with keyword-only parameters and defaults
from typing import Optional
def make(name: str, *, size: int = 3, label: Optional[str] = None) -> str:
    return f"{name}:{size}:{label}"
print(make("a"), make("b", size=1, label="x"))
