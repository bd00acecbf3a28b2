# logging level constants
import logging
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
print(logging.getLevelName(logging.INFO), logging.getLevelName(30))
print(logging.NOTSET)
print(logging.getLevelName(logging.ERROR))
