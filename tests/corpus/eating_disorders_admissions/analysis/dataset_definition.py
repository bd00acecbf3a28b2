"""Hospital admissions for eating disorders (ICD-10 F50) in young people, 2017-2023."""

from ehrql import codelist_from_csv, create_dataset, years
from ehrql.tables.tpp import apcs, clinical_events, patients, practice_registrations

ed_snomed = codelist_from_csv("codelists/user-anon-eating-disorders.csv", column="code")

YEARS = list(range(2017, 2024))
start, end = f"{YEARS[0]}-01-01", f"{YEARS[-1]}-12-31"

# all_diagnoses is a concatenated string of codes; contains() matches a code prefix
ed_admissions = apcs.where(apcs.all_diagnoses.contains("F50")).where(
    apcs.admission_date.is_on_or_between(start, end)
)
anorexia = ed_admissions.where(
    ed_admissions.all_diagnoses.contains("F500") | ed_admissions.all_diagnoses.contains("F501")
)

age = patients.age_on(start)
dataset = create_dataset()
dataset.define_population(
    practice_registrations.for_patient_on(start).exists_for_patient() & (age >= 10) & (age <= 25)
)
dataset.sex = patients.sex
dataset.age = age
for year in YEARS:
    in_year = ed_admissions.where(ed_admissions.admission_date.year == year)
    dataset.add_column(f"ed_admissions_{year}", in_year.count_for_patient())
dataset.anorexia_admission = anorexia.exists_for_patient()
dataset.first_ed_code_date = (
    clinical_events.where(clinical_events.snomedct_code.is_in(ed_snomed)).date.minimum_for_patient()
)
dataset.admitted_within_year_of_code = ed_admissions.where(
    ed_admissions.admission_date.is_on_or_before(dataset.first_ed_code_date + years(1))
).exists_for_patient()
