# min and max over dicts use keys
d = {"b": 5, "a": 9, "c": 1}
print(min(d), max(d))
print(min(d, key=d.get), max(d.values()))
print(max(d.items(), key=lambda kv: kv[1]))
