"""Booster vaccine effectiveness against COVID-19 admission and death (Omicron period)."""

from ehrql import codelist_from_csv, create_dataset
from ehrql.tables.tpp import patients, practice_registrations

import analysis.study_parameters as params
from analysis.dataset_definition.add_variables import add_booster, add_clinical, add_outcomes

covid_codes = codelist_from_csv("codelists/opensafely-covid-identification.csv", column="code")
immunodeficiency = codelist_from_csv("codelists/primis-covid19-vacc-uptake-immdx_cov.csv", column="code")

index_date = params.STUDY_START

dataset = create_dataset()
dataset.configure_dummy_data(population_size=500)
dataset.define_population(
    practice_registrations.for_patient_on(index_date).exists_for_patient()
    & (patients.age_on(index_date) >= params.MIN_AGE)
)
add_booster(dataset, index_date)
add_outcomes(dataset, index_date, covid_codes)
add_clinical(dataset, index_date, {"immunodeficiency": immunodeficiency})
dataset.sex = patients.sex
