"""
Monthly HbA1c monitoring and control in people with diabetes, 2019-2024.

Numerators:
  * hba1c_recorded: any HbA1c test in the month
  * hba1c_over_58: latest HbA1c in the month above 58 mmol/mol (poor control)
  * hba1c_over_75: latest HbA1c in the month above 75 mmol/mol
Each is broken down by age band, sex, region, IMD quintile and ethnicity.
"""

from ehrql import INTERVAL, case, codelist_from_csv, create_measures, months, when
from ehrql.tables.tpp import addresses, clinical_events, patients, practice_registrations

diabetes_codes = codelist_from_csv(
    "codelists/nhsd-primary-care-domain-refsets-dm_cod.csv", column="code"
)
diabetes_resolved_codes = codelist_from_csv(
    "codelists/nhsd-primary-care-domain-refsets-dmres_cod.csv", column="code"
)
hba1c_codes = codelist_from_csv(
    "codelists/opensafely-glycated-haemoglobin-hba1c-tests-numerical-value.csv", column="code"
) + codelist_from_csv("codelists/nhsd-primary-care-domain-refsets-ifcchbam_cod.csv", column="code")
ethnicity_codes = codelist_from_csv(
    "codelists/opensafely-ethnicity-snomed-0removed.csv",
    column="code",
    category_column="Grouping_6",
)

measures = create_measures()
measures.configure_dummy_data(population_size=1000)
measures.configure_disclosure_control(enabled=False)

# -- Denominator: registered, alive, with unresolved diabetes at the start of the month -----
registration = practice_registrations.for_patient_on(INTERVAL.start_date)
events_before = clinical_events.where(clinical_events.date.is_on_or_before(INTERVAL.start_date))
last_dm = (
    events_before.where(events_before.snomedct_code.is_in(diabetes_codes))
    .sort_by(events_before.date)
    .last_for_patient()
    .date
)
last_dm_res = (
    events_before.where(events_before.snomedct_code.is_in(diabetes_resolved_codes))
    .sort_by(events_before.date)
    .last_for_patient()
    .date
)
has_diabetes = last_dm.is_not_null() & (last_dm_res.is_null() | (last_dm_res < last_dm))

age = patients.age_on(INTERVAL.start_date)
denominator = (
    registration.exists_for_patient()
    & patients.is_alive_on(INTERVAL.start_date)
    & has_diabetes
    & (age >= 18)
)

# -- Numerators ------------------------------------------------------------------------------
hba1c_in_month = clinical_events.where(clinical_events.snomedct_code.is_in(hba1c_codes)).where(
    clinical_events.date.is_during(INTERVAL)
)
latest_hba1c = hba1c_in_month.sort_by(hba1c_in_month.date).last_for_patient().numeric_value

numerators = {
    "hba1c_recorded": hba1c_in_month.exists_for_patient(),
    "hba1c_over_58": latest_hba1c > 58,
    "hba1c_over_75": latest_hba1c > 75,
}

# -- Breakdowns ------------------------------------------------------------------------------
age_band = case(
    when(age < 40).then("18-39"),
    when(age < 50).then("40-49"),
    when(age < 60).then("50-59"),
    when(age < 70).then("60-69"),
    when(age < 80).then("70-79"),
    when(age >= 80).then("80+"),
)
ethnicity = (
    clinical_events.where(clinical_events.snomedct_code.is_in(ethnicity_codes))
    .sort_by(clinical_events.date)
    .last_for_patient()
    .snomedct_code.to_category(ethnicity_codes)
)
breakdowns = {
    "age_band": age_band,
    "sex": patients.sex,
    "region": registration.practice_nuts1_region_name,
    "imd": addresses.for_patient_on(INTERVAL.start_date).imd_quintile,
    "ethnicity": ethnicity,
}

measures.define_defaults(
    denominator=denominator,
    intervals=months(60).starting_on("2019-04-01"),
)

for name, numerator in numerators.items():
    # the overall rate, then one measure per breakdown
    measures.define_measure(name=f"{name}_total", numerator=numerator)
    for group, series in breakdowns.items():
        measures.define_measure(
            name=f"{name}_by_{group}",
            numerator=numerator,
            group_by={group: series},
        )
