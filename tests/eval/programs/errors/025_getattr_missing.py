# getattr without a default raises AttributeError
class Dataset:
    pass
ds = Dataset()
ds.age = 40
try:
    getattr(ds, "sex")
except AttributeError as e:
    print(e)
print(getattr(ds, "sex", "n/a"))
