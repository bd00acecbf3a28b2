# KeyError str() is the repr of the key
d = {"a": 1}
for k in ["b", 1, (1, 2), None]:
    try:
        d[k]
    except KeyError as e:
        print(type(e).__name__, "|", e, "|", repr(e.args[0]))
try:
    d.pop("zz")
except KeyError as e:
    print("pop:", e)
try:
    {1}.remove(2)
except KeyError as e:
    print("set remove:", e)
