"""QOF-style blood pressure control (HYP008/HYP009) by month.

Parameters: `start_date` (default 2019-04-01) and `n_months` (default 48), passed as
`-- --start_date 2019-04-01 --n_months 48`.
"""

from ehrql import (
    INTERVAL,
    case,
    codelist_from_csv,
    create_measures,
    get_parameter,
    months,
    when,
)
from ehrql.tables.tpp import clinical_events, patients, practice_registrations

start_date = get_parameter("start_date", default="2019-04-01")
n_months = int(get_parameter("n_months", default=48))

hyp_codes = codelist_from_csv("codelists/nhsd-primary-care-domain-refsets-hyp_cod.csv", column="code")
hyp_res_codes = codelist_from_csv(
    "codelists/nhsd-primary-care-domain-refsets-hypres_cod.csv", column="code"
)
sbp_codes = codelist_from_csv("codelists/opensafely-systolic-blood-pressure-qof.csv", column="code")
dbp_codes = codelist_from_csv("codelists/opensafely-diastolic-blood-pressure-qof.csv", column="code")


def last_code_date(codelist):
    return (
        clinical_events.where(clinical_events.snomedct_code.is_in(codelist))
        .where(clinical_events.date.is_on_or_before(INTERVAL.end_date))
        .sort_by(clinical_events.date)
        .last_for_patient()
        .date
    )


def last_reading(codelist):
    return (
        clinical_events.where(clinical_events.snomedct_code.is_in(codelist))
        .where(clinical_events.date.is_on_or_between(INTERVAL.end_date - months(12), INTERVAL.end_date))
        .sort_by(clinical_events.date)
        .last_for_patient()
    )


hyp_date = last_code_date(hyp_codes)
hyp_res_date = last_code_date(hyp_res_codes)
hypertension = hyp_date.is_not_null() & (hyp_res_date.is_null() | (hyp_res_date < hyp_date))

sbp = last_reading(sbp_codes).numeric_value
dbp = last_reading(dbp_codes).numeric_value
age = patients.age_on(INTERVAL.end_date)

# HYP008: under 80, target 140/90; HYP009: 80 and over, target 150/90
threshold_sbp = case(when(age < 80).then(140.0), otherwise=150.0)
controlled = (sbp <= threshold_sbp) & (dbp <= 90)

denominator = (
    hypertension
    & practice_registrations.for_patient_on(INTERVAL.end_date).exists_for_patient()
    & patients.is_alive_on(INTERVAL.end_date)
)

measures = create_measures()
measures.configure_dummy_data(population_size=1000)
measures.define_defaults(intervals=months(n_months).starting_on(start_date))
measures.define_measure(
    name="bp_controlled",
    numerator=controlled,
    denominator=denominator,
    group_by={"age_80_plus": age >= 80, "sex": patients.sex},
)
measures.define_measure(
    name="bp_recorded",
    numerator=sbp.is_not_null() & dbp.is_not_null(),
    denominator=denominator,
)
