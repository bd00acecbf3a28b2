"""Self-harm in 10-24 year olds before and during the COVID-19 pandemic.

An episode is recorded in any of primary care, A&E (ECDS) or hospital admissions; the
cohort is followed for each of three periods and the earliest record per period is kept.
"""

from ehrql import codelist_from_csv, create_dataset, minimum_of
from ehrql.tables.tpp import (
    apcs,
    clinical_events,
    emergency_care_attendances as ec,
    patients,
    practice_registrations,
)

sh_snomed = codelist_from_csv("codelists/user-anon-self-harm-snomed.csv", column="code")
sh_icd10 = codelist_from_csv("codelists/user-anon-self-harm-icd10.csv", column="code")
sh_ecds = codelist_from_csv("codelists/user-anon-ecds-self-harm.csv", column="code")
depression = codelist_from_csv("codelists/opensafely-depression.csv", column="code")
anxiety = codelist_from_csv("codelists/opensafely-anxiety-disorders.csv", column="code")

PERIODS = {
    "prepandemic": ("2019-03-23", "2020-03-22"),
    "lockdowns": ("2020-03-23", "2021-07-18"),
    "recovery": ("2021-07-19", "2022-07-18"),
}
ECDS_DIAGNOSES = ["diagnosis_01", "diagnosis_02", "diagnosis_03", "diagnosis_04", "diagnosis_05"]

start_of_study = PERIODS["prepandemic"][0]
age = patients.age_on(start_of_study)

dataset = create_dataset()
dataset.configure_dummy_data(population_size=1200)
dataset.define_population(
    practice_registrations.for_patient_on(start_of_study).exists_for_patient()
    & (age >= 10)
    & (age <= 24)
)
dataset.age = age
dataset.sex = patients.sex


def first_primary_care(start, end):
    return (
        clinical_events.where(clinical_events.snomedct_code.is_in(sh_snomed))
        .where(clinical_events.date.is_on_or_between(start, end))
        .sort_by(clinical_events.date)
        .first_for_patient()
        .date
    )


def first_ae(start, end):
    attendances = ec.where(ec.arrival_date.is_on_or_between(start, end))
    matches = attendances.diagnosis_01.is_in(sh_ecds)
    for column in ECDS_DIAGNOSES[1:]:
        matches = matches | getattr(attendances, column).is_in(sh_ecds)
    return attendances.where(matches).arrival_date.minimum_for_patient()


def first_admission(start, end):
    return (
        apcs.where(apcs.all_diagnoses.contains_any_of(sh_icd10))
        .where(apcs.admission_date.is_on_or_between(start, end))
        .admission_date.minimum_for_patient()
    )


for period, (start, end) in PERIODS.items():
    gp = first_primary_care(start, end)
    ae = first_ae(start, end)
    hosp = first_admission(start, end)
    setattr(dataset, f"self_harm_gp_{period}", gp)
    setattr(dataset, f"self_harm_ae_{period}", ae)
    setattr(dataset, f"self_harm_hosp_{period}", hosp)
    setattr(dataset, f"self_harm_any_{period}", minimum_of(gp, ae, hosp))

prior_mh = clinical_events.where(clinical_events.date.is_before(start_of_study))
dataset.prior_depression = prior_mh.where(prior_mh.snomedct_code.is_in(depression)).exists_for_patient()
dataset.prior_anxiety = prior_mh.where(prior_mh.snomedct_code.is_in(anxiety)).exists_for_patient()
