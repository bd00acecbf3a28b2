# the root logger's name and default level
import logging
root = logging.getLogger()
print(root.name, root.level)
print(root is logging.getLogger("root") or root is logging.root)
logging.info("quiet")
