"""
Comparative effectiveness of sotrovimab vs molnupiravir in non-hospitalised patients
at high risk of severe COVID-19 (Dec 2021 - Feb 2022).
"""

from datetime import date, timedelta

from ehrql import case, claim_permissions, codelist_from_csv, create_dataset, days, when
from ehrql.tables.tpp import (
    apcs,
    clinical_events,
    covid_therapeutics,
    ons_deaths,
    patients,
    practice_registrations,
    sgss_covid_all_tests,
)

claim_permissions("covid_therapeutics", "sgss_covid_all_tests")

start_date = date(2021, 12, 16)
end_date = date(2022, 2, 10)
follow_up_days = 28

high_risk = {
    "solid_organ_transplant": codelist_from_csv("codelists/opensafely-solid-organ-transplant.csv", column="code"),
    "haem_malignancy": codelist_from_csv("codelists/opensafely-haematological-malignancies.csv", column="code"),
    "sickle_cell": codelist_from_csv("codelists/opensafely-sickle-cell-disease-snomed.csv", column="code"),
    "downs_syndrome": codelist_from_csv("codelists/opensafely-down-syndrome.csv", column="code"),
}
covid_icd10 = codelist_from_csv("codelists/opensafely-covid-identification.csv", column="code")

treatments = covid_therapeutics.where(
    covid_therapeutics.intervention.is_in(["Sotrovimab", "Molnupiravir"])
).where(covid_therapeutics.covid_indication == "non_hospitalised").where(
    covid_therapeutics.current_status.is_in(["Approved", "Treatment Complete"])
)
first_treatment = (
    treatments.where(treatments.treatment_start_date.is_on_or_between(start_date, end_date))
    .sort_by(treatments.treatment_start_date)
    .first_for_patient()
)
treatment_date = first_treatment.treatment_start_date

dataset = create_dataset()
dataset.configure_dummy_data(population_size=800)
dataset.define_population(
    first_treatment.exists_for_patient()
    & practice_registrations.for_patient_on(treatment_date).exists_for_patient()
    & (patients.age_on(treatment_date) >= 12)
)
dataset.treatment = first_treatment.intervention
dataset.treatment_date = treatment_date
dataset.risk_cohort = first_treatment.risk_cohort
dataset.region = first_treatment.region

positive_test = (
    sgss_covid_all_tests.where(sgss_covid_all_tests.is_positive)
    .where(sgss_covid_all_tests.specimen_taken_date.is_on_or_between(treatment_date - days(5), treatment_date))
    .sort_by(sgss_covid_all_tests.specimen_taken_date)
    .last_for_patient()
)
dataset.days_test_to_treatment = (treatment_date - positive_test.specimen_taken_date).days
dataset.sgtf = positive_test.sgtf_status
dataset.variant = positive_test.variant

for group, codes in high_risk.items():
    setattr(
        dataset,
        f"high_risk_{group}",
        clinical_events.where(clinical_events.snomedct_code.is_in(codes))
        .where(clinical_events.date.is_before(treatment_date))
        .exists_for_patient(),
    )

follow_up_end = treatment_date + days(follow_up_days)
dataset.covid_admission_date = (
    apcs.where(apcs.primary_diagnosis.is_in(covid_icd10))
    .where(apcs.admission_date.is_on_or_between(treatment_date + days(1), follow_up_end))
    .sort_by(apcs.admission_date)
    .first_for_patient()
    .admission_date
)
dataset.covid_death = ons_deaths.underlying_cause_of_death.is_in(covid_icd10) & ons_deaths.date.is_on_or_before(follow_up_end)
# administrative censoring: last treatment date plus the follow-up window
study_end = end_date + timedelta(days=follow_up_days)
dataset.died_before_study_end = patients.date_of_death.is_on_or_before(study_end)
