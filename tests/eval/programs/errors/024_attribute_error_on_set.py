# AttributeError when setting attributes on builtins
for target in [5, "s", None, [1]]:
    try:
        setattr(target, "x", 1)
    except AttributeError as e:
        print(e)
