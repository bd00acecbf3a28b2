"""Acute sickle cell crises: A&E attendances and admissions, and analgesia in primary care."""

import ehrql.tables.core as core
from ehrql import codelist_from_csv, create_dataset, days, years
from ehrql.codes import *
from ehrql.tables import tpp

from module_table_imports import *

scd_snomed = codelist_from_csv("codelists/opensafely-sickle-cell-disease-snomed.csv", column="code")
scd_icd10 = codelist_from_csv("codelists/opensafely-sickle-cell-disease-icd10.csv", column="code")
opioids = codelist_from_csv("codelists/user-anon-opioid-analgesics.csv", column="dmd_id")
# sickle cell crisis, ICD-10 D57.0
CRISIS = ICD10Code("D570")

start, end = "2018-01-01", "2023-12-31"

scd = clinical_events.where(clinical_events.snomedct_code.is_in(scd_snomed)).exists_for_patient() | (
    apcs.where(apcs.all_diagnoses.contains_any_of(scd_icd10)).exists_for_patient()
)

dataset = create_dataset()
dataset.configure_dummy_data(population_size=300, legacy=False, additional_population_constraint=scd)
dataset.define_population(scd & practice_registrations.for_patient_on(start).exists_for_patient())

crisis_admissions = tpp.apcs.where(tpp.apcs.primary_diagnosis == CRISIS).where(
    tpp.apcs.admission_date.is_on_or_between(start, end)
)
dataset.crisis_admissions = crisis_admissions.count_for_patient()
dataset.mean_crisis_stay = (crisis_admissions.discharge_date - crisis_admissions.admission_date).days.mean_for_patient()
dataset.ae_attendances = (
    emergency_care_attendances.where(emergency_care_attendances.arrival_date.is_on_or_between(start, end))
    .count_for_patient()
)
dataset.opioid_items_last_year = (
    medications.where(medications.dmd_code.is_in(opioids))
    .where(medications.date.is_on_or_between(end - years(1) + days(1), end))
    .count_for_patient()
)
dataset.crisis_frequency = when(dataset.crisis_admissions >= 3).then("frequent").otherwise("infrequent")
dataset.sex = core.patients.sex
dataset.age = core.patients.age_on(start)
dataset.imd = addresses.for_patient_on(start).imd_quintile
