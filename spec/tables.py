# The two fixed tables every spec case reads: `p`, one row per patient, and `e`, any number
# of rows per patient. Each has two columns of every type the cases need.
import datetime

from ehrql.codes import ICD10MultiCodeString, SNOMEDCTCode
from ehrql.tables import EventFrame, PatientFrame, Series, table


@table
class p(PatientFrame):
    i1 = Series(int)
    i2 = Series(int)
    f1 = Series(float)
    f2 = Series(float)
    b1 = Series(bool)
    b2 = Series(bool)
    s1 = Series(str)
    s2 = Series(str)
    d1 = Series(datetime.date)
    d2 = Series(datetime.date)
    c1 = Series(SNOMEDCTCode)
    m1 = Series(ICD10MultiCodeString)


@table
class e(EventFrame):
    i1 = Series(int)
    i2 = Series(int)
    f1 = Series(float)
    f2 = Series(float)
    b1 = Series(bool)
    b2 = Series(bool)
    s1 = Series(str)
    s2 = Series(str)
    d1 = Series(datetime.date)
    d2 = Series(datetime.date)
    c1 = Series(SNOMEDCTCode)
    m1 = Series(ICD10MultiCodeString)
