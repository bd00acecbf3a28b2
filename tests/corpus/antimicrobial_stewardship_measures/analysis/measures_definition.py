"""
Antimicrobial stewardship dashboard: monthly prescribing by antibiotic type, infection
and repeat status, 2020-2024.

Numerator series are first collected on a scratch Dataset (`variables`) under computed
names and read back with getattr() when the measures are defined, so the list of measures
is driven entirely by the codelist categories.
"""

import itertools
import logging
from collections import OrderedDict, defaultdict

from ehrql import INTERVAL, case, codelist_from_csv, create_dataset, create_measures, days, months, when
from ehrql.tables.tpp import clinical_events, medications, patients, practice_registrations

logger = logging.getLogger(__name__)

antibacterials = codelist_from_csv(
    "codelists/opensafely-antibacterials.csv", column="dmd_id", category_column="type"
)
infections = codelist_from_csv(
    "codelists/user-anon-common-infections.csv", column="code", category_column="infection"
)

# distinct categories, in a stable order
abx_types = sorted(set(antibacterials.values()))
infection_types = sorted(set(infections.values()))
if len(abx_types) == 0 or len(infection_types) == 0:
    raise ValueError("empty category column in a codelist")
logger.info("antibiotic types: %s", ", ".join(abx_types))


def first_in_interval(frame, sort_column=None, column="date"):
    """First row in the interval, sorted by `sort_column` (defaults to the date column)."""
    date_column = getattr(frame, column)
    in_interval = frame.where(date_column.is_during(INTERVAL))
    return in_interval.sort_by(getattr(in_interval, sort_column or column)).first_for_patient()


abx = medications.where(medications.dmd_code.is_in(antibacterials))
abx_in_month = abx.where(abx.date.is_during(INTERVAL))
infection_events = clinical_events.where(clinical_events.snomedct_code.is_in(infections))

variables = create_dataset()
groups = defaultdict(list)
for abx_type in abx_types:
    name = f"numerator_{abx_type}"
    setattr(
        variables,
        name,
        abx_in_month.where(abx_in_month.dmd_code.to_category(antibacterials) == abx_type).count_for_patient(),
    )
    groups["type"].append(name)

first_infection = first_in_interval(infection_events)
linked_abx = abx_in_month.where(
    abx_in_month.date.is_on_or_between(first_infection.date, first_infection.date + days(5))
)
for infection in infection_types:
    name = "numerator_" + infection.lower()
    if hasattr(variables, name):
        # two infection labels that differ only in case would clash
        continue
    setattr(
        variables,
        name,
        linked_abx.exists_for_patient()
        & (first_infection.snomedct_code.to_category(infections) == infection),
    )
    groups["infection"].append(name)

# repeat prescribing: another course in the 30 days before the first one this month
first_abx = first_in_interval(abx, sort_column="date")
variables.numerator_repeat = abx.where(
    abx.date.is_on_or_between(first_abx.date - days(30), first_abx.date - days(1))
).exists_for_patient()

age = patients.age_on(INTERVAL.start_date)
age_group = case(
    when(age < 5).then("0-4"),
    when(age < 15).then("5-14"),
    when(age < 25).then("15-24"),
    when(age < 45).then("25-44"),
    when(age < 65).then("45-64"),
    when(age < 75).then("65-74"),
    otherwise="75+",
)
breakdowns = OrderedDict(
    [
        ("age_group", age_group),
        ("sex", patients.sex),
        ("region", practice_registrations.for_patient_on(INTERVAL.start_date).practice_nuts1_region_name),
    ]
)
denominator = practice_registrations.for_patient_on(INTERVAL.start_date).exists_for_patient()

measures = create_measures()
measures.configure_dummy_data(population_size=500)
measures.define_defaults(denominator=denominator, intervals=months(48).starting_on("2020-01-01"))

count = 0
for group_name, names in groups.items():
    for numerator_name, breakdown in itertools.product(names, breakdowns):
        numerator = getattr(variables, numerator_name)
        if isinstance(numerator, str):
            break
        measures.define_measure(
            name=numerator_name.replace("numerator_", f"{group_name}_") + "_by_" + breakdown,
            numerator=numerator,
            group_by={breakdown: breakdowns[breakdown]},
        )
        count += 1

measures.define_measure(name="repeat_courses", numerator=variables.numerator_repeat)
logger.info("defined %d measures", count + 1)
del count
