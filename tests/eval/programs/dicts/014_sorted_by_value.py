# sorting dict items by value and by key
scores = {"amy": 82, "bob": 95, "cat": 82, "dan": 70}
print(sorted(scores))
print(sorted(scores.items(), key=lambda kv: kv[1]))
print(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
print(max(scores, key=scores.get))
