# computing age in years from dates
from datetime import date
def age_on(dob, on):
    years = on.year - dob.year
    if (on.month, on.day) < (dob.month, dob.day):
        years -= 1
    return years
dob = date(1980, 6, 15)
for on in [date(2020, 6, 14), date(2020, 6, 15), date(2021, 1, 1)]:
    print(on, age_on(dob, on))
