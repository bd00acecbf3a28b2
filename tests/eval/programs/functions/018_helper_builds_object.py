# a helper function that builds and returns an object with computed attributes
class Dataset:
    pass
def make_dataset(index_year, n_periods=3):
    ds = Dataset()
    for i in range(n_periods):
        setattr(ds, f"period_{i}", index_year + i)
    return ds
ds = make_dataset(2020)
print(ds.period_0, ds.period_2)
print(getattr(ds, "period_1"), hasattr(ds, "period_3"))
