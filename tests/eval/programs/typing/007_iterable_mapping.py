# Iterable and Mapping annotations on helpers
from typing import Iterable, Mapping
def join_all(items: Iterable[str], sep: str = ",") -> str:
    return sep.join(items)
def keys_of(m: Mapping[str, int]) -> list:
    return sorted(m)
print(join_all(["a", "b"]), keys_of({"z": 1, "y": 2}))
