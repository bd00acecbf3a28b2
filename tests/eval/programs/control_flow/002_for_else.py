# for-else runs else only without break
for n in [2, 3, 4]:
    if n > 10:
        break
else:
    print("no break")
for n in [2, 30, 4]:
    if n > 10:
        print("break at", n)
        break
else:
    print("not printed")
for _ in []:
    pass
else:
    print("empty loop else")
