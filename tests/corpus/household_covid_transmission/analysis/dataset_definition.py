"""Household composition and COVID-19 infection in the first wave (Feb-Aug 2020)."""

from ehrql import case, claim_permissions, create_dataset, when
from ehrql.tables.tpp import (
    addresses,
    household_memberships_2020,
    patients,
    practice_registrations,
    sgss_covid_all_tests,
)

claim_permissions("sgss_covid_all_tests")

start = "2020-02-01"
end = "2020-08-31"

household = household_memberships_2020
dataset = create_dataset()
dataset.define_population(
    practice_registrations.for_patient_on(start).exists_for_patient()
    & household.household_size.is_not_null()
    & ~addresses.for_patient_on(start).care_home_is_potential_match
)
dataset.household_id = household.household_pseudo_id
dataset.household_size = household.household_size
dataset.household_size_cat = case(
    when(household.household_size == 1).then("1"),
    when(household.household_size == 2).then("2"),
    when(household.household_size.is_in([3, 4])).then("3-4"),
    when(household.household_size.is_in([5, 6])).then("5-6"),
    when(household.household_size >= 7).then("7+"),
)
tests = sgss_covid_all_tests.where(sgss_covid_all_tests.specimen_taken_date.is_on_or_between(start, end))
first_positive = tests.where(tests.is_positive).sort_by(tests.specimen_taken_date).first_for_patient()
dataset.first_positive_date = first_positive.specimen_taken_date
dataset.symptomatic = first_positive.was_symptomatic
dataset.n_tests = tests.count_for_patient()
dataset.age = patients.age_on(start)
dataset.rural_urban = addresses.for_patient_on(start).rural_urban_classification
dataset.msoa = addresses.for_patient_on(start).msoa_code
