# Electronic Frailty Index (eFI) and one-year outcomes in people aged 65+.
# eFI values are only available from December 2020, so the index date is 2021-01-01.

from ehrql import case, codelist_from_csv, create_dataset, days, minimum_of, when, years
from ehrql.tables.tpp import (
    apcs,
    clinical_events,
    decision_support_values,
    patients,
    practice_registrations,
)

index_date = "2021-01-01"
falls = codelist_from_csv("codelists/user-anon-falls.csv", column="code")

efi = (
    decision_support_values.electronic_frailty_index()
    .where(decision_support_values.calculation_date.is_on_or_before(index_date))
    .sort_by(decision_support_values.calculation_date)
    .last_for_patient()
)

dataset = create_dataset()
dataset.define_population(
    practice_registrations.for_patient_on(index_date).exists_for_patient()
    & (patients.age_on(index_date) >= 65)
    & efi.exists_for_patient()
)
dataset.efi = efi.numeric_value
dataset.efi_date = efi.calculation_date
dataset.frailty_category = case(
    when(efi.numeric_value <= 0.12).then("fit"),
    when(efi.numeric_value <= 0.24).then("mild"),
    when(efi.numeric_value <= 0.36).then("moderate"),
    otherwise="severe",
)

follow_up_end = minimum_of(index_date + years(1), patients.date_of_death)
dataset.follow_up_end = follow_up_end
emergency = apcs.where(apcs.admission_method.is_in(["21", "22", "23", "24", "28"])).where(
    apcs.admission_date.is_after(index_date)
)
dataset.first_emergency_admission = (
    emergency.where(emergency.admission_date.is_on_or_before(follow_up_end))
    .sort_by(emergency.admission_date)
    .first_for_patient()
    .admission_date
)
dataset.bed_days = (
    (emergency.discharge_date - emergency.admission_date).days.sum_for_patient()
)
dataset.fall_in_year = (
    clinical_events.where(clinical_events.snomedct_code.is_in(falls))
    .where(clinical_events.date.is_on_or_between(index_date + days(1), follow_up_end))
    .exists_for_patient()
)
dataset.died_within_year = patients.is_dead_on(index_date + years(1))
