# builtin generics like list[int] and X | None in annotations
def total(xs: list[int], extra: int | None = None) -> dict[str, int]:
    return {"total": sum(xs) + (extra or 0)}
print(total([1, 2, 3]))
print(total([1], 10))
