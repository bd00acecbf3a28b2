"""Completeness and agreement of ethnicity recording: SNOMED CT vs CTV3 vs SUS.

Run as `-- --index-date 2023-01-01`.
"""

import argparse

from ehrql import case, codelist_from_csv, create_dataset, when
from ehrql.tables.tpp import clinical_events, ethnicity_from_sus, patients, practice_registrations

parser = argparse.ArgumentParser(description="Ethnicity completeness")
parser.add_argument("--index-date", dest="index_date", default="2023-01-01", help="ISO date")
args = parser.parse_args()

eth16 = codelist_from_csv(
    "codelists/opensafely-ethnicity-snomed-0removed.csv", column="code", category_column="Grouping_16"
)
eth6_snomed = codelist_from_csv(
    "codelists/opensafely-ethnicity-snomed-0removed.csv", column="code", category_column="Grouping_6"
)
eth6_ctv3 = codelist_from_csv("codelists/opensafely-ethnicity.csv", column="code", category_column="Grouping_6")

dataset = create_dataset()
dataset.configure_dummy_data(population_size=2500)
dataset.define_population(practice_registrations.for_patient_on(args.index_date).exists_for_patient())

latest_snomed = (
    clinical_events.where(clinical_events.snomedct_code.is_in(eth16))
    .where(clinical_events.date.is_on_or_before(args.index_date))
    .sort_by(clinical_events.date)
    .last_for_patient()
)
latest_ctv3 = (
    clinical_events.where(clinical_events.ctv3_code.is_in(eth6_ctv3))
    .sort_by(clinical_events.date)
    .last_for_patient()
)

dataset.ethnicity_16 = latest_snomed.snomedct_code.to_category(eth16)
dataset.ethnicity_6_snomed = latest_snomed.snomedct_code.to_category(eth6_snomed)
dataset.ethnicity_6_ctv3 = latest_ctv3.ctv3_code.to_category(eth6_ctv3)
dataset.ethnicity_sus = ethnicity_from_sus.code
dataset.ethnicity_6_sus = case(
    when(ethnicity_from_sus.code.is_in(["A", "B", "C"])).then("1"),
    when(ethnicity_from_sus.code.is_in(["D", "E", "F", "G"])).then("2"),
    when(ethnicity_from_sus.code.is_in(["H", "J", "K", "L"])).then("3"),
    when(ethnicity_from_sus.code.is_in(["M", "N", "P"])).then("4"),
    when(ethnicity_from_sus.code.is_in(["R", "S"])).then("5"),
    otherwise=None,
)
# primary care first, SUS to fill the gaps
dataset.ethnicity_6_combined = dataset.ethnicity_6_snomed.when_null_then(dataset.ethnicity_6_sus)
dataset.ethnicity_recorded = latest_snomed.exists_for_patient() | latest_ctv3.exists_for_patient()
dataset.ethnicity_date = latest_snomed.date
dataset.age = patients.age_on(args.index_date)
dataset.sex = patients.sex
