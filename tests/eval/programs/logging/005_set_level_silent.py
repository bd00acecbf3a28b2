# setLevel and isEnabledFor without handlers
import logging
logger = logging.getLogger("quiet")
logger.setLevel(logging.ERROR)
print(logger.isEnabledFor(logging.INFO), logger.isEnabledFor(logging.ERROR))
logger.info("suppressed")
print(logger.level)
