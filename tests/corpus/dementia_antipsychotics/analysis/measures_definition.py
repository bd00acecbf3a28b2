"""Antipsychotic prescribing to people with dementia during and after the pandemic."""

from ehrql import INTERVAL, codelist_from_csv, create_measures, months
from ehrql.tables.tpp import addresses, clinical_events, medications, patients, practice_registrations

dementia = codelist_from_csv("codelists/nhsd-primary-care-domain-refsets-dem_cod.csv", column="code")
first_gen = codelist_from_csv("codelists/opensafely-antipsychotics-first-generation.csv", column="dmd_id")
second_gen = codelist_from_csv("codelists/opensafely-antipsychotics-second-generation.csv", column="dmd_id")
# prochlorperazine is mostly used as an anti-emetic, so it is excluded
prochlorperazine = codelist_from_csv("codelists/opensafely-prochlorperazine.csv", column="dmd_id")
antipsychotics = [code for code in first_gen + second_gen if code not in prochlorperazine]

registration = practice_registrations.for_patient_on(INTERVAL.start_date)
has_dementia = (
    clinical_events.where(clinical_events.snomedct_code.is_in(dementia))
    .where(clinical_events.date.is_on_or_before(INTERVAL.start_date))
    .exists_for_patient()
)
denominator = registration.exists_for_patient() & has_dementia & (patients.age_on(INTERVAL.start_date) >= 65)

prescribed = (
    medications.where(medications.dmd_code.is_in(antipsychotics))
    .where(medications.date.is_during(INTERVAL))
    .exists_for_patient()
)

address = addresses.for_patient_on(INTERVAL.start_date)
breakdowns = {
    "region": registration.practice_nuts1_region_name,
    "care_home": address.care_home_is_potential_match,
    "imd": address.imd_quintile,
    "sex": patients.sex,
}

measures = create_measures()
measures.configure_dummy_data(population_size=700)
measures.define_defaults(
    numerator=prescribed,
    denominator=denominator,
    intervals=months(48).starting_on("2019-01-01"),
)
measures.define_measure(name="antipsychotic_any")
for key in breakdowns:
    measures.define_measure(
        name=f"antipsychotic_by_{key}",
        group_by={k: v for k, v in breakdowns.items() if k == key},
    )
