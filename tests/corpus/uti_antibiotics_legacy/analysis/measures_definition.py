# First-line antibiotics for uncomplicated UTI in women, by practice.
# Originally written for ehrql:v0 (beta tables, Measures()).

from ehrql import INTERVAL, Measures, codelist_from_csv, days, months
from ehrql.tables.beta.tpp import clinical_events, medications, patients, practice_registrations

uti = codelist_from_csv("codelists/user-anon-uti.csv", column="code")
DRUGS = ["nitrofurantoin", "trimethoprim", "pivmecillinam"]
drug_codes = {drug: codelist_from_csv("codelists/opensafely-{}.csv".format(drug), column="dmd_id") for drug in DRUGS}

uti_event = (
    clinical_events.where(clinical_events.snomedct_code.is_in(uti))
    .where(clinical_events.date.is_during(INTERVAL))
    .sort_by(clinical_events.date)
    .first_for_patient()
)
age = patients.age_on(INTERVAL.start_date)
denominator = (
    uti_event.exists_for_patient()
    & (patients.sex == "female")
    & (age >= 16)
    & (age < 65)
    & practice_registrations.for_patient_on(INTERVAL.start_date).exists_for_patient()
)
practice = practice_registrations.for_patient_on(INTERVAL.start_date).practice_pseudo_id

measures = Measures()
for drug in DRUGS:
    prescribed = (
        medications.where(medications.dmd_code.is_in(drug_codes[drug]))
        .where(medications.date.is_on_or_between(uti_event.date, uti_event.date + days(3)))
        .exists_for_patient()
    )
    measures.define_measure(
        name="uti_{}".format(drug),
        numerator=prescribed,
        denominator=denominator,
        group_by=dict(practice=practice),
        intervals=months(24).starting_on("2021-01-01"),
    )
