# Asthma exacerbations in adults with asthma, 2018-2023.
#
# An exacerbation is an asthma-coded emergency admission, or an oral corticosteroid
# prescription with an asthma attack code within 2 days. Episodes closer than 14 days are
# counted once (count_episodes_for_patient).

from ehrql import Dataset, codelist_from_csv, days, years
from ehrql.tables.beta.tpp import (
    apcs,
    clinical_events,
    medications,
    patients,
    practice_registrations,
)

index_date = "2018-01-01"
end_date = "2023-12-31"

asthma_codes = codelist_from_csv("codelists/opensafely-asthma-diagnosis-snomed.csv", column="code")
attack_codes = codelist_from_csv("codelists/opensafely-asthma-exacerbations.csv", column="code")
ocs_codes = codelist_from_csv(
    "codelists/opensafely-asthma-oral-prednisolone-medication.csv", column="dmd_id"
)
saba_codes = codelist_from_csv("codelists/opensafely-salbutamol-medication.csv", column="dmd_id")
asthma_icd10 = codelist_from_csv("codelists/opensafely-asthma-icd10.csv", column="code")

dataset = Dataset()

asthma_dx = (
    clinical_events.where(clinical_events.snomedct_code.is_in(asthma_codes))
    .where(clinical_events.date.is_before(index_date))
    .sort_by(clinical_events.date)
    .first_for_patient()
)
# Active asthma: a salbutamol prescription in the year before the index date
saba_last_year = medications.where(medications.dmd_code.is_in(saba_codes)).where(
    medications.date.is_on_or_between(index_date - years(1), index_date)
)

registered = practice_registrations.spanning(index_date - years(1), end_date).exists_for_patient()
age = patients.age_on(index_date)

dataset.define_population(
    registered
    & asthma_dx.exists_for_patient()
    & saba_last_year.exists_for_patient()
    & (age >= 18)
    & (age <= 100)
)

dataset.age = age
dataset.sex = patients.sex
dataset.asthma_diagnosis_date = asthma_dx.date
dataset.saba_count_last_year = saba_last_year.count_for_patient()

follow_up_ocs = medications.where(medications.dmd_code.is_in(ocs_codes)).where(
    medications.date.is_on_or_between(index_date, end_date)
)
dataset.ocs_courses = follow_up_ocs.date.count_episodes_for_patient(days(14))

attacks = clinical_events.where(clinical_events.snomedct_code.is_in(attack_codes)).where(
    clinical_events.date.is_on_or_between(index_date, end_date)
)
dataset.attack_episodes = attacks.date.count_episodes_for_patient(days(14))
dataset.first_attack_date = attacks.sort_by(attacks.date).first_for_patient().date

admissions = apcs.where(apcs.primary_diagnosis.is_in(asthma_icd10)).where(
    apcs.admission_date.is_on_or_between(index_date, end_date)
)
dataset.asthma_admissions = admissions.count_for_patient()
dataset.first_admission_date = admissions.sort_by(apcs.admission_date).first_for_patient().admission_date
dataset.max_critical_care_days = admissions.days_in_critical_care.maximum_for_patient()

dataset.date_of_death = patients.date_of_death
