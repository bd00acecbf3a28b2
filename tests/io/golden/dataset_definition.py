# A definition over two tables of our own, covering every output type, for the CSV
# golden files (see tests/io_output.rs).
import datetime

from ehrql import create_dataset
from ehrql.tables import Constraint, EventFrame, PatientFrame, Series, table


@table
class values(PatientFrame):
    b = Series(bool)
    i = Series(int)
    f = Series(float)
    s = Series(str)
    d = Series(datetime.date)
    c = Series(str, constraints=[Constraint.Categorical(["low", "high"])])
    r = Series(int, constraints=[Constraint.ClosedRange(0, 999)])


@table
class events(EventFrame):
    code = Series(str)


dataset = create_dataset()
dataset.define_population(values.exists_for_patient())
dataset.b = values.b
dataset.i = values.i
dataset.f = values.f
dataset.s = values.s
dataset.d = values.d
dataset.c = values.c
dataset.r = values.r
dataset.n = events.count_for_patient()
