# a function builds the whole dataset; module level just calls it
class Dataset:
    def __init__(self):
        self.vars = {}
    def add_column(self, name, value):
        self.vars[name] = value
def make_dataset(index_date, end_date, n_vax=3, *, extra=None):
    ds = Dataset()
    ds.add_column("index_date", index_date)
    for i in range(1, n_vax + 1):
        ds.add_column(f"vax_{i}_date", f"{index_date}+{i}")
    if extra:
        for k, v in extra.items():
            ds.add_column(k, v)
    ds.add_column("end_date", end_date)
    return ds
dataset = make_dataset("2021-01-01", "2021-12-31", 2, extra={"flag": True})
print(list(dataset.vars))
print(dataset.vars["vax_2_date"])
