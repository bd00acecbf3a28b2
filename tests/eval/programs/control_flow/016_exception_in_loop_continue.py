# handling exceptions per item and continuing
values = ["1", "two", "3", None, "4.5"]
good = []
for v in values:
    try:
        good.append(int(v))
    except ValueError:
        print("skip value", repr(v))
    except TypeError:
        print("skip type", repr(v))
print(good)
