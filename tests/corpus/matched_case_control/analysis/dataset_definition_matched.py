"""Covariates for matched cases and controls.

Matching (1:2 on age, sex and index date) is done in R by `match_controls`, which writes
`output/matched_cases_controls.csv.gz`; this definition reads it back with
`table_from_file` and adds the comorbidities at each set's index date.
"""

from ehrql import codelist_from_csv, create_dataset
from ehrql.query_language import PatientFrame, Series, table_from_file
from ehrql.tables.tpp import addresses, clinical_events, practice_registrations
import datetime


@table_from_file("output/matched_cases_controls.csv.gz")
class matched(PatientFrame):
    case = Series(int)
    set_id = Series(int)
    index_date = Series(datetime.date)
    match_age = Series(int)
    match_sex = Series(str)


t2dm = codelist_from_csv("codelists/opensafely-type-2-diabetes.csv", column="code")
hypertension = codelist_from_csv("codelists/opensafely-hypertension.csv", column="code")
ckd = codelist_from_csv("codelists/opensafely-chronic-kidney-disease-snomed.csv", column="code")

dataset = create_dataset()
dataset.configure_dummy_data(population_size=12)
dataset.define_population(matched.exists_for_patient())

dataset.case = matched.case
dataset.set_id = matched.set_id
dataset.index_date = matched.index_date
dataset.age = matched.match_age
dataset.sex = matched.match_sex

comorbidities = {"t2dm": t2dm, "hypertension": hypertension, "ckd": ckd}
for name, codes in comorbidities.items():
    dataset.add_column(
        f"has_{name}",
        clinical_events.where(clinical_events.snomedct_code.is_in(codes))
        .where(clinical_events.date.is_before(matched.index_date))
        .exists_for_patient(),
    )

dataset.imd_decile = addresses.for_patient_on(matched.index_date).imd_decile
dataset.practice = practice_registrations.for_patient_on(matched.index_date).practice_pseudo_id
