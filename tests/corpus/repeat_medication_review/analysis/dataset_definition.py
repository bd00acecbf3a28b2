"""Gabapentinoid repeat prescriptions and medication reviews (uses the raw medication
tables, which carry repeat-template information)."""

from ehrql import codelist_from_csv, create_dataset, months
from ehrql.tables.core import clinical_events, patients, practice_registrations
from ehrql.tables.raw.tpp import medications as medications_raw
from ehrql.tables.raw.tpp import repeat_medications

index_date = "2023-01-01"
gabapentinoids = codelist_from_csv("codelists/user-anon-gabapentinoids.csv", column="dmd_id")
med_review = codelist_from_csv("codelists/user-anon-medication-review.csv", column="code")

repeats = repeat_medications.where(repeat_medications.dmd_code.is_in(gabapentinoids)).where(
    repeat_medications.start_date.is_on_or_before(index_date)
).where(repeat_medications.end_date.is_after(index_date) | repeat_medications.end_date.is_null())

issues = medications_raw.where(medications_raw.dmd_code.is_in(gabapentinoids)).where(
    medications_raw.date.is_on_or_between(index_date - months(6), index_date)
)

dataset = create_dataset()
dataset.define_population(
    repeats.exists_for_patient() & practice_registrations.for_patient_on(index_date).exists_for_patient()
)
dataset.n_active_templates = repeats.repeat_medication_id.count_distinct_for_patient()
dataset.latest_template_start = repeats.start_date.maximum_for_patient()
dataset.issues_6m = issues.count_for_patient()
dataset.latest_quantity = issues.sort_by(issues.date).last_for_patient().quantity
dataset.reviewed_12m = (
    clinical_events.where(clinical_events.snomedct_code.is_in(med_review))
    .where(clinical_events.date.is_on_or_between(index_date - months(12), index_date))
    .exists_for_patient()
)
dataset.age = patients.age_on(index_date)
