# invalid JSON raises JSONDecodeError, a ValueError
import json
for text in ["{bad}", "[1, 2", "", "{'a': 1}"]:
    try:
        json.loads(text)
    except ValueError as e:
        print(type(e).__name__, "|", e)
