# f-string messages passed to logging are still evaluated
import logging
calls = []
def expensive():
    calls.append(1)
    return "value"
logging.debug(f"computed {expensive()}")
print(len(calls))
