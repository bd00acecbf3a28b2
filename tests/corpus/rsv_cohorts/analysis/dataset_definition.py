"""RSV outcomes by age cohort. Runs as a dataset or, with --measures, as monthly measures."""

from ehrql import INTERVAL, case, codelist_from_csv, create_dataset, create_measures, months, when, years
from ehrql.tables.tpp import apcs, clinical_events, patients, practice_registrations

from design import *

rsv_pc = codelist_from_csv("codelists/user-anon-rsv-primary-care.csv", column="code")
rsv_icd10 = codelist_from_csv("codelists/user-anon-rsv-icd10.csv", column="code")
bronchiolitis = codelist_from_csv("codelists/user-anon-bronchiolitis.csv", column="code")
copd = codelist_from_csv("codelists/opensafely-copd-snomed.csv", column="code")

age = patients.age_on(season_start)
registered = practice_registrations.for_patient_on(season_start).exists_for_patient()

if cohort == "infants":
    in_cohort = patients.date_of_birth.is_on_or_between(season_start, season_end)
    registered = practice_registrations.exists_for_patient_on(patients.date_of_birth)
    pc_codes = rsv_pc + bronchiolitis
elif cohort == "children":
    in_cohort = (age >= 2) & (age < 18)
    pc_codes = rsv_pc + bronchiolitis
elif cohort == "adults":
    in_cohort = (age >= 18) & (age < 65)
    pc_codes = rsv_pc
else:
    in_cohort = age >= 65
    pc_codes = rsv_pc

population = in_cohort & registered

if make_dataset:
    dataset = create_dataset()
    dataset.configure_dummy_data(population_size=500)
    dataset.define_population(population)
    dataset.rsv_primary_date = (
        clinical_events.where(clinical_events.snomedct_code.is_in(pc_codes))
        .where(clinical_events.date.is_on_or_between(season_start, season_end))
        .date.minimum_for_patient()
    )
    dataset.rsv_secondary_date = (
        apcs.where(apcs.all_diagnoses.contains_any_of(rsv_icd10))
        .where(apcs.admission_date.is_on_or_between(season_start, season_end))
        .admission_date.minimum_for_patient()
    )
    if cohort == "older_adults" or cohort == "adults":
        dataset.has_copd = (
            clinical_events.where(clinical_events.snomedct_code.is_in(copd))
            .where(clinical_events.date.is_before(season_start))
            .exists_for_patient()
        )
    dataset.sex = patients.sex

if make_measures:
    measures = create_measures()
    measures.configure_dummy_data(population_size=500)
    measures.define_measure(
        name=f"rsv_admissions_{cohort}",
        numerator=apcs.where(apcs.all_diagnoses.contains_any_of(rsv_icd10))
        .where(apcs.admission_date.is_during(INTERVAL))
        .exists_for_patient(),
        denominator=population,
        intervals=months(12).starting_on(season_start),
        group_by={"sex": patients.sex},
    )
