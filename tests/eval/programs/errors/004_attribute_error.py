# AttributeError messages for values, instances, classes and modules
import math
class Thing:
    pass
for get in [lambda: (5).foo, lambda: "s".nope, lambda: Thing().missing, lambda: Thing.missing,
            lambda: math.nothing, lambda: None.attr, lambda: [].push]:
    try:
        get()
    except AttributeError as e:
        print(e)
