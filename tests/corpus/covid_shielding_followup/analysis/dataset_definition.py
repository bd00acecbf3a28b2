"""Outcomes after the shielding programme, one extract per shielding wave.

The cohort file for each wave is made by `extract_shielding_list` and read back here; the
wave is passed as `-- --wave 1`.
"""

import datetime

from ehrql import codelist_from_csv, create_dataset, get_parameter, months, table_from_file
from ehrql.tables import PatientFrame, Series
from ehrql.tables.tpp import apcs, clinical_events, ons_deaths, patients

wave = get_parameter("wave")
cohort_path = f"output/cohorts/shielding_wave{wave}.csv.gz"


@table_from_file(cohort_path)
class shielding_list(PatientFrame):
    shielding_start = Series(datetime.date)
    shielded = Series(bool)
    shielding_group = Series(str)


shield_codes = codelist_from_csv("codelists/primis-covid19-vacc-uptake-shield.csv", column="code")
start = shielding_list.shielding_start

dataset = create_dataset()
dataset.define_population(shielding_list.exists_for_patient() & patients.is_alive_on(start))
dataset.shielding_start = start
dataset.shielded = shielding_list.shielded
dataset.shielding_group = shielding_list.shielding_group
dataset.coded_in_primary_care = (
    clinical_events.where(clinical_events.snomedct_code.is_in(shield_codes))
    .where(clinical_events.date.is_on_or_before(start + months(1)))
    .exists_for_patient()
)
dataset.admissions_6m = (
    apcs.where(apcs.admission_date.is_on_or_between(start, start + months(6))).count_for_patient()
)
dataset.died_6m = ons_deaths.date.is_on_or_between(start, start + months(6))
