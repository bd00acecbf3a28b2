# pass in functions, classes and loops
def noop():
    pass
class Empty:
    pass
for i in range(2):
    pass
print(noop(), i, type(Empty()).__name__)
if True:
    pass
else:
    print("unreachable")
