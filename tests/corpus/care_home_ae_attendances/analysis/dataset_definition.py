"""
A&E attendances among care home residents aged 65+, 2022-23.

Care home status is taken from the address record (the TPP address-matching flag) or a
primary care code. ECDS diagnoses are spread across 24 columns (diagnosis_01 ..
diagnosis_24), so the diagnosis tests loop over column names.
"""

import operator
from functools import reduce

from ehrql import case, codelist_from_csv, create_dataset, when
from ehrql.tables.tpp import (
    addresses,
    clinical_events,
    emergency_care_attendances as ecds,
    patients,
    practice_registrations,
)

start = "2022-04-01"
end = "2023-03-31"

longres = codelist_from_csv("codelists/primis-covid19-vacc-uptake-longres.csv", column="code")
nursing = codelist_from_csv("codelists/opensafely-nursing-residential-care.csv", column="code")

ecds_codelists = {
    "falls": codelist_from_csv("codelists/user-anon-ecds-falls.csv", column="code"),
    "uti": codelist_from_csv("codelists/user-anon-ecds-uti.csv", column="code"),
    "respiratory": codelist_from_csv("codelists/user-anon-ecds-respiratory.csv", column="code"),
}

DIAGNOSIS_COLUMNS = [f"diagnosis_{i:02d}" for i in range(1, 25)]


def any_diagnosis_in(frame, codelist):
    """True for rows where any of the 24 ECDS diagnosis columns is in the codelist."""
    return reduce(
        operator.or_, [getattr(frame, column).is_in(codelist) for column in DIAGNOSIS_COLUMNS]
    )


address = addresses.for_patient_on(start)
coded_care_home = (
    clinical_events.where(clinical_events.snomedct_code.is_in(longres + nursing))
    .where(clinical_events.date.is_on_or_before(start))
    .exists_for_patient()
)
care_home = address.care_home_is_potential_match.when_null_then(False) | coded_care_home

dataset = create_dataset()
dataset.configure_dummy_data(population_size=1500)
dataset.define_population(
    practice_registrations.for_patient_on(start).exists_for_patient()
    & (patients.age_on(start) >= 65)
    & care_home
)

dataset.care_home_type = case(
    when(address.care_home_requires_nursing).then("nursing"),
    when(address.care_home_does_not_require_nursing).then("residential"),
    when(coded_care_home).then("coded_only"),
    otherwise="unknown",
)

attendances = ecds.where(ecds.arrival_date.is_on_or_between(start, end))
dataset.ae_attendances = attendances.count_for_patient()
dataset.first_ae_date = attendances.sort_by(ecds.arrival_date).first_for_patient().arrival_date

for name, codelist in ecds_codelists.items():
    matching = attendances.where(any_diagnosis_in(attendances, codelist))
    dataset.add_column(f"ae_{name}_count", matching.count_for_patient())
    dataset.add_column(f"ae_{name}_first_date", matching.arrival_date.minimum_for_patient())

dataset.age = patients.age_on(start)
dataset.sex = patients.sex
dataset.died_in_year = patients.date_of_death.is_on_or_between(start, end)
