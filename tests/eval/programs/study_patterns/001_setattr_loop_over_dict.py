# copying a helper's dict of variables onto an object with setattr
class Dataset:
    def __init__(self):
        self.columns = []
def variables(prefix):
    return dict(**{f"{prefix}_{i}": i * 10 for i in range(3)}, total=30)
ds = Dataset()
for name, value in variables("bmi").items():
    setattr(ds, name, value)
    ds.columns.append(name)
print(ds.columns)
print([getattr(ds, c) for c in ds.columns])
