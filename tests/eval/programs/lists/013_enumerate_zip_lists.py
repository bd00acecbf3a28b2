# building lists with enumerate and zip
names = ["age", "sex", "region"]
types = ["int", "str", "str"]
print(list(enumerate(names)))
print(list(zip(names, types)))
cols = []
for i, (n, t) in enumerate(zip(names, types)):
    cols.append(f"{i}:{n}:{t}")
print(cols)
