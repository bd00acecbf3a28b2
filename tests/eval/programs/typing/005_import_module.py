# import typing as a module and use qualified names
import typing
def first(xs: typing.Sequence[str]) -> typing.Optional[str]:
    return xs[0] if xs else None
print(first(["a", "b"]), first([]))
