# logging.disable and getEffectiveLevel
import logging
logger = logging.getLogger("child.logger")
print(logger.getEffectiveLevel())
logging.disable(logging.CRITICAL)
logging.info("hidden")
print("done")
