# bare raise re-raises the current exception
def risky():
    try:
        [][0]
    except IndexError:
        print("logging")
        raise
try:
    risky()
except IndexError as e:
    print("outer caught:", e)
