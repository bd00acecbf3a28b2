# getLogger with the same name returns the same object
import logging
a = logging.getLogger("x")
b = logging.getLogger("x")
print(a is b, a is logging.getLogger("y"))
