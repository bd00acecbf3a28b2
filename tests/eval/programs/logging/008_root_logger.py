# the root logger's name and default level
import logging
root = logging.getLogger()
print(root.name, root.level, logging.getLevelName(root.level))
