# a table-like class with class-level column definitions
class Series:
    def __init__(self, kind):
        self.kind = kind
class Patients:
    age = Series(int)
    sex = Series(str)
cols = [n for n in ["age", "sex", "bmi"] if hasattr(Patients, n)]
print(cols)
print([getattr(Patients, c).kind.__name__ for c in cols])
