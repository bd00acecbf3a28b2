"""
Annual physical health checks for people with severe mental illness (SMI).

Six checks make up the annual review (BMI, blood pressure, cholesterol, glucose/HbA1c,
alcohol and smoking). Usage:

    generate-measures analysis/measures_definition.py -- 2019-04-01 48
"""

import sys

from ehrql import INTERVAL, codelist_from_csv, create_measures, months, years
from ehrql.tables.tpp import clinical_events, patients, practice_registrations

# positional arguments: start date and number of months
start_date = sys.argv[1] if len(sys.argv) > 1 else "2019-04-01"
n_months = int(sys.argv[2]) if len(sys.argv) > 2 else 48

smi_codes = codelist_from_csv("codelists/nhsd-primary-care-domain-refsets-mh_cod.csv", column="code")
smi_remission = codelist_from_csv(
    "codelists/nhsd-primary-care-domain-refsets-mhrem_cod.csv", column="code"
)
check_codes = codelist_from_csv(
    "codelists/user-anon-smi-annual-checks.csv", column="code", category_column="check"
)
CHECKS = ["bmi", "bp", "cholesterol", "glucose", "alcohol", "smoking"]

last_smi = (
    clinical_events.where(clinical_events.snomedct_code.is_in(smi_codes))
    .where(clinical_events.date.is_on_or_before(INTERVAL.end_date))
    .sort_by(clinical_events.date)
    .last_for_patient()
    .date
)
last_remission = (
    clinical_events.where(clinical_events.snomedct_code.is_in(smi_remission))
    .where(clinical_events.date.is_on_or_before(INTERVAL.end_date))
    .sort_by(clinical_events.date)
    .last_for_patient()
    .date
)
on_register = last_smi.is_not_null() & (
    last_remission.is_null() | last_remission.is_before(last_smi)
)

denominator = (
    on_register
    & practice_registrations.for_patient_on(INTERVAL.end_date).exists_for_patient()
    & patients.is_alive_on(INTERVAL.end_date)
)

# checks in the 12 months up to the end of each interval
checks_last_year = clinical_events.where(clinical_events.snomedct_code.is_in(check_codes)).where(
    clinical_events.date.is_on_or_between(INTERVAL.end_date - years(1), INTERVAL.end_date)
)
check_done = {}
for check in CHECKS:
    check_done[check] = checks_last_year.where(
        checks_last_year.snomedct_code.to_category(check_codes) == check
    ).exists_for_patient()

all_six = check_done["bmi"]
for check in CHECKS[1:]:
    all_six = all_six & check_done[check]

measures = create_measures()
measures.configure_dummy_data(population_size=800)
measures.define_defaults(
    denominator=denominator,
    intervals=months(n_months).starting_on(start_date),
    group_by={"region": practice_registrations.for_patient_on(INTERVAL.end_date).practice_nuts1_region_name},
)
for check, numerator in check_done.items():
    measures.define_measure(name=f"smi_{check}_check", numerator=numerator)
measures.define_measure(name="smi_all_six_checks", numerator=all_six)
