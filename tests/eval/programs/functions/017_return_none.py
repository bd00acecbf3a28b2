# functions without return give None
def nothing():
    pass
def early(x):
    if x:
        return
    return "reached"
print(nothing())
print(early(True), early(False))
r = print("printed")
print(r)
