"""Long COVID recording in primary care.

Who gets a long COVID code, and how does it relate to earlier COVID-19 infection and to
persistent symptoms? Follow-up runs from 1 November 2020, when the codes were released.
"""

import operator
from functools import reduce

from ehrql import case, create_dataset, days, when
from ehrql.tables.tpp import apcs, clinical_events, ons_deaths, patients, practice_registrations

from codelists import *

start_date = "2020-11-01"
end_date = "2023-03-31"

dataset = create_dataset()
dataset.configure_dummy_data(population_size=3000)

registered = practice_registrations.for_patient_on(start_date).exists_for_patient()
dataset.define_population(
    registered & patients.is_alive_on(start_date) & (patients.age_on(start_date) >= 18)
)

events = clinical_events.where(clinical_events.date.is_on_or_between(start_date, end_date))

first_long_covid = (
    events.where(events.snomedct_code.is_in(any_long_covid_code))
    .sort_by(events.date)
    .first_for_patient()
)
dataset.long_covid_date = first_long_covid.date
dataset.long_covid_code = first_long_covid.snomedct_code
dataset.long_covid_type = case(
    when(first_long_covid.snomedct_code.is_in(long_covid_diagnostic_codes)).then("diagnosis"),
    when(first_long_covid.snomedct_code.is_in(long_covid_referral_codes)).then("referral"),
    when(first_long_covid.snomedct_code.is_in(long_covid_assessment_codes)).then("assessment"),
    otherwise="none",
)

# Evidence of COVID-19 from any of three sources
covid_sources = [
    clinical_events.where(clinical_events.snomedct_code.is_in(covid_primary_care_codes))
    .where(clinical_events.date.is_before(end_date))
    .exists_for_patient(),
    apcs.where(apcs.all_diagnoses.contains_any_of(covid_icd10))
    .where(apcs.admission_date.is_before(end_date))
    .exists_for_patient(),
    ons_deaths.cause_of_death_is_in(covid_icd10),
]
dataset.any_covid = reduce(operator.or_, covid_sources)

# Symptom counts in the 12 weeks after the long COVID code
for name, codes in symptoms.items():
    window = events.where(events.snomedct_code.is_in(codes)).where(
        events.date.is_on_or_between(first_long_covid.date, first_long_covid.date + days(84))
    )
    setattr(dataset, f"{name}_count", window.count_for_patient())

any_symptom = reduce(
    operator.or_,
    [events.where(events.snomedct_code.is_in(c)).exists_for_patient() for c in symptoms.values()],
)
dataset.any_symptom = any_symptom
dataset.sex = patients.sex
dataset.age = patients.age_on(start_date)
