# a NullHandler swallows records
import logging
logger = logging.getLogger("lib")
logger.addHandler(logging.NullHandler())
logger.info("nothing")
print(len(logger.handlers))
