# non-ascii text is escaped by default, kept with ensure_ascii=False
import json
print(json.dumps("café"))
print(json.dumps("café", ensure_ascii=False))
print(json.dumps("tab\tquote\"back\\"))
print(json.loads('"\\u00e9\\n"') == "é\n")
