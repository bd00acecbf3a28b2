# try / except / else / finally ordering
def run(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        print("  caught")
        r = None
    else:
        print("  no error")
    finally:
        print("  finally")
    return r
print(run(2))
print(run(0))
