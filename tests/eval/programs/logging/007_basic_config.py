# basicConfig at WARNING keeps info and debug silent
import logging
logging.basicConfig(level=logging.WARNING)
logging.info("not shown")
logging.debug("not shown")
print("configured")
