# helper returning dict(name=...) copied onto an object with setattr
class Dataset:
    pass
def make_vars(prefix):
    return dict(first=f"{prefix}_1", second=f"{prefix}_2")
ds = Dataset()
for k, v in make_vars("x").items():
    setattr(ds, k, v)
print(ds.first, ds.second)
print(sorted(vars(ds).items()))
