# logging.info and debug print nothing at the default level
import logging
logging.info("this is not shown")
logging.debug("nor this")
print("after logging calls")
