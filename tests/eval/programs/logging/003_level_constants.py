# logging level constants
import logging
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
print(logging.INFO < logging.WARNING)
print(logging.NOTSET)
print(logging.ERROR - logging.WARNING)
