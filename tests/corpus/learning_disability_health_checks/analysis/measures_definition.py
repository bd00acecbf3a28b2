"""Annual learning disability health checks, by practice and by demographics."""

from ehrql import INTERVAL, codelist_from_csv, create_measures, years
from ehrql.tables.tpp import addresses, clinical_events, patients, practice_registrations

ld = codelist_from_csv("codelists/nhsd-primary-care-domain-refsets-ld_cod.csv", column="code")
ld_check = codelist_from_csv("codelists/nhsd-primary-care-domain-refsets-ldhc_cod.csv", column="code")

registration = practice_registrations.for_patient_on(INTERVAL.end_date)
age = patients.age_on(INTERVAL.end_date)
on_register = (
    clinical_events.where(clinical_events.snomedct_code.is_in(ld))
    .where(clinical_events.date.is_on_or_before(INTERVAL.end_date))
    .exists_for_patient()
)
had_check = (
    clinical_events.where(clinical_events.snomedct_code.is_in(ld_check))
    .where(clinical_events.date.is_during(INTERVAL))
    .exists_for_patient()
)

demographics = {
    "sex": patients.sex,
    "age_14_plus": age >= 14,
    "imd_quintile": addresses.for_patient_on(INTERVAL.end_date).imd_quintile,
    "region": registration.practice_nuts1_region_name,
}

measures = create_measures()
measures.configure_dummy_data(population_size=1000)
measures.define_defaults(
    numerator=had_check,
    denominator=on_register & registration.exists_for_patient() & (age >= 14),
    intervals=years(5).starting_on("2018-04-01"),
)
measures.define_measure(name="ld_check_by_practice", group_by={"practice": registration.practice_pseudo_id})
measures.define_measure(
    name="ld_check_by_demographics",
    group_by={name: series for name, series in demographics.items() if name != "region"},
)
measures.define_measure(name="ld_check_by_region", group_by={"region": demographics["region"]})
