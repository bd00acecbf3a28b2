"""COVID-19 as underlying vs contributing cause of death, 2020-2022 (ONS death register).

ONS deaths have an underlying cause plus 15 contributing cause columns
(cause_of_death_01 .. cause_of_death_15).
"""

import operator
from functools import reduce

from ehrql import case, codelist_from_csv, create_dataset, when
from ehrql.tables.tpp import ons_deaths, patients, practice_registrations

covid = codelist_from_csv("codelists/opensafely-covid-identification.csv", column="code")
dementia = codelist_from_csv("codelists/user-anon-dementia-icd10.csv", column="code")
respiratory = codelist_from_csv("codelists/user-anon-respiratory-icd10.csv", column="code")

CAUSE_COLUMNS = [f"cause_of_death_{i:02d}" for i in range(1, 16)]


def mentioned_anywhere(codelist):
    return reduce(
        operator.or_,
        [getattr(ons_deaths, col).is_in(codelist) for col in CAUSE_COLUMNS],
        ons_deaths.underlying_cause_of_death.is_in(codelist),
    )


start, end = "2020-03-01", "2022-12-31"
dataset = create_dataset()
dataset.define_population(
    ons_deaths.date.is_on_or_between(start, end)
    & practice_registrations.for_patient_on(ons_deaths.date).exists_for_patient()
)
dataset.date_of_death = ons_deaths.date
dataset.place_of_death = ons_deaths.place
dataset.age_at_death = patients.age_on(ons_deaths.date)
dataset.underlying_cause = ons_deaths.underlying_cause_of_death
dataset.covid_underlying = ons_deaths.underlying_cause_of_death.is_in(covid)
dataset.covid_any_mention = mentioned_anywhere(covid)
dataset.covid_any_mention_builtin = ons_deaths.cause_of_death_is_in(covid)
dataset.cause_group = case(
    when(dataset.covid_underlying).then("covid_underlying"),
    when(dataset.covid_any_mention).then("covid_contributing"),
    when(mentioned_anywhere(dementia)).then("dementia"),
    when(mentioned_anywhere(respiratory)).then("respiratory"),
    otherwise="other",
)
dataset.dead_per_gp_record = patients.is_dead_on(end)
