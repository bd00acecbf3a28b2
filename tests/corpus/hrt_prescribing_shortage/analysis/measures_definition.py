"""HRT prescribing through the 2022 supply shortage, by route."""

from datetime import date

from ehrql import INTERVAL, codelist_from_csv, create_measures, months
from ehrql.tables.tpp import medications, patients, practice_registrations

start = date(2021, 1, 1)
end = date(2023, 12, 31)
# number of whole months between start and end, inclusive
n_months = (end.year - start.year) * 12 + (end.month - start.month) + 1

hrt = codelist_from_csv("codelists/user-anon-hrt.csv", column="dmd_id", category_column="route")
ROUTES = ["oral", "transdermal", "vaginal"]

hrt_in_month = medications.where(medications.dmd_code.is_in(hrt)).where(medications.date.is_during(INTERVAL))
age = patients.age_on(INTERVAL.start_date)
denominator = (
    practice_registrations.for_patient_on(INTERVAL.start_date).exists_for_patient()
    & (patients.sex == "female")
    & (age >= 40)
    & (age < 70)
)

measures = create_measures()
measures.configure_dummy_data(population_size=400)
for route in ROUTES:
    measures.define_measure(
        name=f"hrt_{route}",
        numerator=hrt_in_month.where(hrt_in_month.dmd_code.to_category(hrt) == route).count_for_patient(),
        denominator=denominator,
        intervals=months(n_months).starting_on(start.isoformat()),
    )
