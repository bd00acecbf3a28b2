# setLevel on a named logger and silent low-level calls
import logging
logger = logging.getLogger("quiet")
logger.setLevel(logging.ERROR)
logger.info("suppressed")
logger.debug("suppressed too")
print(logger.level)
