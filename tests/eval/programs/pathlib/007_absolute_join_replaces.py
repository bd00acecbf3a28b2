# joining an absolute part replaces the left side
from pathlib import PurePosixPath
p = PurePosixPath("rel/path") / "/abs/file"
print(str(p), p.is_absolute())
print(PurePosixPath("rel").is_absolute())
print(str(PurePosixPath("/")), PurePosixPath("/a/b").parts)
