"""eGFR trajectories over five years in people with CKD stage 3-5 at baseline.

Annual summaries (min, max, last value, count of tests) are added for each calendar year
in a loop, giving columns egfr_min_2018 .. egfr_last_2022.
"""

from datetime import date

from ehrql import case, codelist_from_csv, create_dataset, maximum_of, minimum_of, when, years
from ehrql.tables.tpp import (
    clinical_events,
    clinical_events_ranges,
    medications,
    patients,
    practice_registrations,
)

BASELINE = date(2018, 1, 1)
FIRST_YEAR = 2018
N_YEARS = 5

egfr_codes = codelist_from_csv(
    "codelists/opensafely-estimated-glomerular-filtration-rate-egfr-numeric-value.csv",
    column="code",
)
creatinine_codes = codelist_from_csv("codelists/opensafely-creatinine-value.csv", column="code")
transplant_codes = codelist_from_csv("codelists/opensafely-kidney-transplant.csv", column="code")
dialysis_codes = codelist_from_csv("codelists/opensafely-dialysis.csv", column="code")
acei_arb = codelist_from_csv("codelists/opensafely-acei-arb.csv", column="dmd_id")

# drop implausible values (units errors) before doing anything else
egfr_tests = clinical_events.where(clinical_events.snomedct_code.is_in(egfr_codes)).where(
    (clinical_events.numeric_value > 0) & (clinical_events.numeric_value < 200)
)

baseline_egfr = (
    egfr_tests.where(egfr_tests.date.is_on_or_between(BASELINE - years(2), BASELINE))
    .sort_by(egfr_tests.date)
    .last_for_patient()
)

ckd_stage = case(
    when(baseline_egfr.numeric_value < 15).then("5"),
    when(baseline_egfr.numeric_value < 30).then("4"),
    when(baseline_egfr.numeric_value < 45).then("3b"),
    when(baseline_egfr.numeric_value < 60).then("3a"),
    otherwise=None,
)

rrt = clinical_events.where(
    clinical_events.snomedct_code.is_in(transplant_codes + dialysis_codes)
).where(clinical_events.date.is_before(BASELINE))

dataset = create_dataset()
dataset.configure_dummy_data(population_size=1000)
dataset.define_population(
    practice_registrations.for_patient_on(BASELINE).exists_for_patient()
    & ckd_stage.is_not_null()
    & ~rrt.exists_for_patient()
    & (patients.age_on(BASELINE) >= 18)
)

dataset.ckd_stage = ckd_stage
dataset.baseline_egfr = baseline_egfr.numeric_value
dataset.baseline_egfr_date = baseline_egfr.date

for year in range(FIRST_YEAR, FIRST_YEAR + N_YEARS):
    in_year = egfr_tests.where(egfr_tests.date.is_on_or_between(date(year, 1, 1), date(year, 12, 31)))
    setattr(dataset, f"egfr_min_{year}", in_year.numeric_value.minimum_for_patient())
    setattr(dataset, f"egfr_max_{year}", in_year.numeric_value.maximum_for_patient())
    setattr(dataset, f"egfr_mean_{year}", in_year.numeric_value.mean_for_patient())
    setattr(dataset, f"egfr_last_{year}", in_year.sort_by(in_year.date).last_for_patient().numeric_value)
    setattr(dataset, f"egfr_tests_{year}", in_year.count_for_patient())

# creatinine results reported with a reference range and comparator ("<", ">")
creatinine = (
    clinical_events_ranges.where(clinical_events_ranges.snomedct_code.is_in(creatinine_codes))
    .where(clinical_events_ranges.date.is_on_or_before(BASELINE))
    .sort_by(clinical_events_ranges.date)
    .last_for_patient()
)
dataset.creatinine = creatinine.numeric_value
dataset.creatinine_comparator = creatinine.comparator
dataset.creatinine_above_range = creatinine.numeric_value > creatinine.upper_bound

first_rrt = (
    clinical_events.where(clinical_events.snomedct_code.is_in(transplant_codes + dialysis_codes))
    .where(clinical_events.date.is_on_or_after(BASELINE))
    .sort_by(clinical_events.date)
    .first_for_patient()
    .date
)
# end of follow-up: first of RRT, death, deregistration or the study end
dataset.end_of_follow_up = minimum_of(
    first_rrt,
    patients.date_of_death,
    practice_registrations.for_patient_on(BASELINE).end_date,
    "2022-12-31",
)
dataset.last_contact = maximum_of(
    egfr_tests.date.maximum_for_patient(), baseline_egfr.date
)
dataset.on_acei_arb = (
    medications.where(medications.dmd_code.is_in(acei_arb))
    .where(medications.date.is_on_or_between(BASELINE - years(1), BASELINE))
    .exists_for_patient()
)
