# Treat-to-target urate-lowering therapy (ULT) in incident gout, 2015-2023.
# Target: serum urate <= 360 micromol/L within 12 months of starting ULT.

from ehrql import codelist_from_csv, create_dataset, days, months
from ehrql.tables.tpp import clinical_events, medications, patients, practice_registrations

gout = codelist_from_csv("codelists/user-anon-gout.csv", column="code")
urate = codelist_from_csv("codelists/user-anon-urate-tests.csv", column="code")
ult = codelist_from_csv("codelists/user-anon-ult.csv", column="dmd_id", category_column="drug")

gout_dx = (
    clinical_events.where(clinical_events.snomedct_code.is_in(gout))
    .sort_by(clinical_events.date, clinical_events.consultation_id)
    .first_for_patient()
)
incident = gout_dx.date.is_on_or_between("2015-03-01", "2023-02-28")
ult_rx = medications.where(medications.dmd_code.is_in(ult)).where(medications.date.is_on_or_after(gout_dx.date))
first_ult = ult_rx.sort_by(ult_rx.date).first_for_patient()

dataset = create_dataset()
dataset.configure_dummy_data(population_size=600)
dataset.define_population(
    incident
    & practice_registrations.spanning(gout_dx.date - months(12), gout_dx.date).exists_for_patient()
    & (patients.age_on(gout_dx.date) >= 18)
)
dataset.gout_date = gout_dx.date
dataset.ult_start = first_ult.date
dataset.ult_drug = first_ult.dmd_code.to_category(ult)
dataset.ult_within_6m = first_ult.date.is_on_or_before(gout_dx.date + months(6))

tests = clinical_events.where(clinical_events.snomedct_code.is_in(urate)).where(
    clinical_events.numeric_value.is_not_null()
)
baseline = (
    tests.where(tests.date.is_on_or_between(gout_dx.date - months(6), gout_dx.date + days(30)))
    .sort_by(tests.date)
    .last_for_patient()
)
after_ult = tests.where(tests.date.is_on_or_between(first_ult.date, first_ult.date + months(12)))
dataset.baseline_urate = baseline.numeric_value
dataset.lowest_urate_12m = after_ult.numeric_value.minimum_for_patient()
dataset.reached_target = after_ult.where(after_ult.numeric_value <= 360).exists_for_patient()
dataset.n_urate_tests_12m = after_ult.count_for_patient()
dataset.n_ult_prescriptions = ult_rx.where(ult_rx.date.is_before(first_ult.date + months(12))).count_for_patient()
