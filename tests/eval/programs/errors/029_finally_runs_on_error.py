# finally blocks run while an error propagates
log = []
def step(n):
    try:
        if n == 2:
            raise IndexError("step 2 failed")
        log.append(f"ok {n}")
    finally:
        log.append(f"finally {n}")
try:
    for i in range(4):
        step(i)
except IndexError as e:
    log.append(str(e))
print(log)
