"""Opioid prescribing to people without cancer: weekly rates of any, new and high-dose."""

from ehrql import INTERVAL, codelist_from_csv, create_measures, days, weeks, years
from ehrql.tables.tpp import clinical_events, medications, patients, practice_registrations

opioids = codelist_from_csv("codelists/opensafely-opioids-for-analgesia.csv", column="dmd_id")
high_dose = codelist_from_csv("codelists/opensafely-high-dose-long-acting-opioids.csv", column="dmd_id")
cancer = codelist_from_csv(
    "codelists/opensafely-cancer-excluding-lung-and-haematological.csv", column="code"
)

no_cancer = ~(
    clinical_events.where(clinical_events.snomedct_code.is_in(cancer))
    .where(clinical_events.date.is_between_but_not_on(INTERVAL.start_date - years(5), INTERVAL.start_date))
    .exists_for_patient()
)
denominator = (
    practice_registrations.for_patient_on(INTERVAL.start_date).exists_for_patient()
    & (patients.age_on(INTERVAL.start_date) >= 18)
    & no_cancer
)

opioid_rx = medications.where(medications.dmd_code.is_in(opioids))
in_week = opioid_rx.where(opioid_rx.date.is_during(INTERVAL))
# "new" = no opioid in the previous 90 days
prior_90 = opioid_rx.where(
    opioid_rx.date.is_on_or_between(INTERVAL.start_date - days(90), INTERVAL.start_date - days(1))
)

numerators = dict(
    any_opioid=in_week.exists_for_patient(),
    new_opioid=in_week.exists_for_patient() & ~prior_90.exists_for_patient(),
    high_dose_opioid=in_week.where(in_week.dmd_code.is_in(high_dose)).exists_for_patient(),
)

measures = create_measures()
measures.configure_dummy_data(population_size=600)
for name, numerator in numerators.items():
    measures.define_measure(
        name=name,
        numerator=numerator,
        denominator=denominator,
        intervals=weeks(104).starting_on("2022-01-03"),
    )
measures.define_measure(
    name="opioid_items_per_patient",
    numerator=in_week.count_for_patient(),
    denominator=in_week.exists_for_patient(),
    intervals=weeks(52).ending_on("2023-12-31"),
)
