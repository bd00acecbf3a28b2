# Union, Tuple and Callable in annotations
from typing import Union, Tuple, Callable
def apply(fn: Callable[[int], int], v: Union[int, float]) -> Tuple[int, str]:
    return fn(int(v)), "ok"
print(apply(lambda n: n + 1, 2.7))
