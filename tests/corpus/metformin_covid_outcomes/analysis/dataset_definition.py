"""Metformin initiation after type 2 diabetes diagnosis and COVID-19 outcomes (target trial
emulation). Study dates are written by `analysis/study_dates.py` to output/study_dates.json."""

import json
from datetime import date, datetime

from ehrql import case, claim_permissions, codelist_from_csv, create_dataset, days, minimum_of, when
from ehrql.tables.tpp import (
    apcs,
    clinical_events,
    medications,
    ons_deaths,
    patients,
    practice_registrations,
    sgss_covid_all_tests,
)

claim_permissions("sgss_covid_all_tests")

with open("output/study_dates.json") as f:
    study_dates = json.load(f)

studystart_date = study_dates["studystart_date"]
studyend_date = date.fromisoformat(study_dates["studyend_date"])
mid2018 = datetime.strptime(study_dates["mid2018_date"], "%Y-%m-%d").date()

t2dm = codelist_from_csv("codelists/opensafely-type-2-diabetes.csv", column="code")
metformin = codelist_from_csv("codelists/opensafely-metformin.csv", column="dmd_id")
covid_icd10 = codelist_from_csv("codelists/opensafely-covid-identification.csv", column="code")
covid_pc = codelist_from_csv(
    "codelists/opensafely-covid-identification-in-primary-care-probable-covid-positive-test.csv",
    column="code",
)

t2dm_date = (
    clinical_events.where(clinical_events.snomedct_code.is_in(t2dm))
    .where(clinical_events.date.is_on_or_between(mid2018, studyend_date))
    .sort_by(clinical_events.date)
    .first_for_patient()
    .date
)
metformin_date = (
    medications.where(medications.dmd_code.is_in(metformin))
    .where(medications.date.is_on_or_after(t2dm_date))
    .sort_by(medications.date)
    .first_for_patient()
    .date
)
# grace period of 6 months for metformin initiation
dataset = create_dataset()
dataset.configure_dummy_data(population_size=1000, timeout=120)
dataset.define_population(
    t2dm_date.is_not_null()
    & practice_registrations.for_patient_on(t2dm_date).exists_for_patient()
    & (patients.age_on(t2dm_date) >= 18)
)
dataset.elig_date_t2dm = t2dm_date
dataset.exp_date_metfin_first = metformin_date
dataset.exp_bin_metfin = metformin_date.is_on_or_before(t2dm_date + days(183))

covid_test = (
    sgss_covid_all_tests.where(sgss_covid_all_tests.is_positive)
    .where(sgss_covid_all_tests.specimen_taken_date.is_on_or_between(studystart_date, studyend_date))
    .specimen_taken_date.minimum_for_patient()
)
covid_pc_date = (
    clinical_events.where(clinical_events.snomedct_code.is_in(covid_pc))
    .where(clinical_events.date.is_on_or_between(studystart_date, studyend_date))
    .date.minimum_for_patient()
)
covid_hosp = (
    apcs.where(apcs.all_diagnoses.contains_any_of(covid_icd10))
    .where(apcs.admission_date.is_on_or_between(studystart_date, studyend_date))
    .admission_date.minimum_for_patient()
)
covid_death = case(
    when(ons_deaths.cause_of_death_is_in(covid_icd10)).then(ons_deaths.date),
)
dataset.out_date_covid = minimum_of(covid_test, covid_pc_date)
dataset.out_date_covid_hosp = covid_hosp
dataset.out_date_covid_death = covid_death
dataset.out_date_severe_covid = minimum_of(covid_hosp, covid_death)
dataset.cens_date_dereg = practice_registrations.for_patient_on(t2dm_date).end_date
