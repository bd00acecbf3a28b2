# getLogger returns a named logger; low-level calls are silent
import logging
logger = logging.getLogger(__name__)
logger.info("info")
logger.debug("debug %s", "arg")
print(logger.name)
print(logging.getLogger("study").name)
