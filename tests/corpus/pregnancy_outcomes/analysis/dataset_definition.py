"""Pregnancy outcomes in women aged 15-49 with an antenatal booking in 2021-2022.

The outcome is the first pregnancy-outcome code within 42 weeks of booking. Outcomes are
ranked by a fixed hierarchy (live birth first) when several are coded on the same day;
the case() arms are built from the hierarchy list so the order lives in one place.
"""

from ehrql import case, codelist_from_csv, create_dataset, weeks, when
from ehrql.tables.tpp import clinical_events, patients, practice_registrations

study_start = "2021-01-01"
study_end = "2022-12-31"

outcome_codes = codelist_from_csv(
    "codelists/user-anon-pregnancy-outcomes.csv", column="code", category_column="category"
)
booking_codes = codelist_from_csv("codelists/user-anon-antenatal-booking.csv", column="code")
gdm_codes = codelist_from_csv("codelists/user-anon-gestational-diabetes.csv", column="code")
pet_codes = codelist_from_csv("codelists/user-anon-pre-eclampsia.csv", column="code")

OUTCOME_HIERARCHY = [
    "live_birth",
    "stillbirth",
    "termination",
    "miscarriage",
    "ectopic",
    "molar",
    "blighted_ovum",
    "unknown",
]

booking = (
    clinical_events.where(clinical_events.snomedct_code.is_in(booking_codes))
    .where(clinical_events.date.is_on_or_between(study_start, study_end))
    .sort_by(clinical_events.date)
    .first_for_patient()
)
booking_date = booking.date

pregnancy_window = clinical_events.where(
    clinical_events.date.is_on_or_between(booking_date, booking_date + weeks(42))
)
outcome_events = pregnancy_window.where(pregnancy_window.snomedct_code.is_in(outcome_codes))
first_outcome_date = outcome_events.sort_by(outcome_events.date).first_for_patient().date
same_day_outcomes = outcome_events.where(outcome_events.date == first_outcome_date)

# one when() per outcome, in hierarchy order
outcome_flags = {
    outcome: same_day_outcomes.where(
        same_day_outcomes.snomedct_code.to_category(outcome_codes) == outcome
    ).exists_for_patient()
    for outcome in OUTCOME_HIERARCHY
}
whens = [when(outcome_flags[o]).then(o) for o in OUTCOME_HIERARCHY]

dataset = create_dataset()
age = patients.age_on(booking_date)
dataset.define_population(
    booking.exists_for_patient()
    & (patients.sex == "female")
    & (age >= 15)
    & (age <= 49)
    & practice_registrations.for_patient_on(booking_date).exists_for_patient()
)
dataset.booking_date = booking_date
dataset.age_at_booking = age
dataset.outcome_date = first_outcome_date
dataset.outcome = case(*whens, otherwise="no_outcome_recorded")
dataset.gestation_weeks_at_outcome = (first_outcome_date - booking_date).weeks
dataset.gestational_diabetes = pregnancy_window.where(
    pregnancy_window.snomedct_code.is_in(gdm_codes)
).exists_for_patient()
dataset.pre_eclampsia = pregnancy_window.where(
    pregnancy_window.snomedct_code.is_in(pet_codes)
).exists_for_patient()
