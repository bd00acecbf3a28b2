# objects that are not serialisable raise TypeError
import json
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print(e)
class X:
    pass
try:
    json.dumps([X])
except TypeError as e:
    print(type(e).__name__)
