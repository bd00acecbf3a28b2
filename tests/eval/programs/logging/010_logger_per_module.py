# loggers named per module and used inside loops
import logging
loggers = {name: logging.getLogger(name) for name in ["a", "b"]}
for name, lg in loggers.items():
    for i in range(2):
        lg.info(f"{name} step {i}")
    print(name, lg.name)
