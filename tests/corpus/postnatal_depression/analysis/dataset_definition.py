"""Postnatal depression in the year after delivery, 2019-2023, in women aged 16-49."""

from ehrql import codelist_from_csv, create_dataset, days, years
from ehrql.tables.tpp import (
    addresses,
    clinical_events,
    medications,
    patients,
    practice_registrations,
)

delivery = codelist_from_csv("codelists/user-anon-delivery.csv", column="code")
pnd = codelist_from_csv("codelists/user-anon-postnatal-depression.csv", column="code")
depression = codelist_from_csv("codelists/opensafely-depression.csv", column="code")
antidepressants = codelist_from_csv("codelists/opensafely-antidepressants.csv", column="dmd_id")

first_delivery = (
    clinical_events.where(clinical_events.snomedct_code.is_in(delivery))
    .where(clinical_events.date.is_on_or_between("2019-01-01", "2023-12-31"))
    .sort_by(clinical_events.date)
    .first_for_patient()
)
d = first_delivery.date
age = patients.age_on(d)

dataset = create_dataset()
dataset.define_population(
    first_delivery.exists_for_patient()
    & (patients.sex == "female")
    & (age >= 16)
    & (age < 50)
    & practice_registrations.for_patient_on(d).exists_for_patient()
)
dataset.delivery_date = d
postnatal_year = clinical_events.where(clinical_events.date.is_between_but_not_on(d, d + years(1)))
dataset.pnd_date = postnatal_year.where(postnatal_year.snomedct_code.is_in(pnd)).date.minimum_for_patient()
# depression codes that are not specifically postnatal
dataset.other_depression = postnatal_year.where(
    postnatal_year.snomedct_code.is_in(depression) & postnatal_year.snomedct_code.is_not_in(pnd)
).exists_for_patient()
dataset.antidepressant_after = (
    medications.where(medications.dmd_code.is_in(antidepressants))
    .where(medications.date.is_on_or_between(d + days(1), d + years(1)))
    .exists_for_patient()
)
dataset.history_of_depression = (
    clinical_events.where(clinical_events.snomedct_code.is_in(depression))
    .where(clinical_events.date.is_before(d))
    .exists_for_patient()
)
dataset.rural_urban = addresses.for_patient_on(d).rural_urban_classification.map_values(
    {1: "urban", 2: "urban", 3: "urban", 4: "urban", 5: "rural", 6: "rural", 7: "rural", 8: "rural"},
    default="unknown",
)
dataset.age = age
