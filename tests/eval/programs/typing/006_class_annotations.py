# annotations on class attributes with and without values
from typing import ClassVar, List
class Config:
    name: str = "default"
    tags: List[str]
    count: ClassVar[int] = 0
c = Config()
print(c.name, Config.count, hasattr(c, "tags"))
