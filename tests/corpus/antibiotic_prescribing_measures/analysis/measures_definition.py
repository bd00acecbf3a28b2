# Antibiotic prescribing in primary care, by infection type, 2019-2024.
#
# For each common infection we count the patients with an antibiotic prescription on the
# same day as a coded infection consultation, as a proportion of all patients with that
# infection in the month. Broad-spectrum share is reported overall.

from ehrql import INTERVAL, Measures, codelist_from_csv, months
from ehrql.tables.tpp import clinical_events, medications, patients, practice_registrations

antibacterials = codelist_from_csv("codelists/opensafely-antibacterials.csv", column="dmd_id")
broad_spectrum = codelist_from_csv(
    "codelists/opensafely-broad-spectrum-antibiotics.csv", column="dmd_id"
)

infections = ["uti", "urti", "lrti", "otitis-media", "sinusitis"]
infection_codes = {}
for infection in infections:
    path = (
        f"codelists/user-anon-{infection}-diagnosis.csv"
        if infection in ("uti", "urti", "lrti")
        else f"codelists/user-anon-{infection}.csv"
    )
    infection_codes[infection.replace("-", "_")] = codelist_from_csv(path, column="code")

measures = Measures()
measures.configure_disclosure_control(enabled=False)
measures.configure_dummy_data(population_size=500)

registered = practice_registrations.for_patient_on(INTERVAL.start_date)
practice = registered.practice_pseudo_id
age = patients.age_on(INTERVAL.start_date)

abx_in_month = medications.where(medications.dmd_code.is_in(antibacterials)).where(
    medications.date.is_during(INTERVAL)
)

denominator_all = registered.exists_for_patient() & patients.sex.is_in(["male", "female"])

measures.define_measure(
    name="antibiotics_overall",
    numerator=abx_in_month.count_for_patient(),
    denominator=denominator_all,
    group_by={"practice": practice},
    intervals=months(60).starting_on("2019-01-01"),
)
measures.define_measure(
    name="broad_spectrum_proportion",
    numerator=abx_in_month.where(abx_in_month.dmd_code.is_in(broad_spectrum)).count_for_patient(),
    denominator=abx_in_month.count_for_patient(),
    group_by={"practice": practice},
    intervals=months(60).starting_on("2019-01-01"),
)

for infection, codes in infection_codes.items():
    infection_events = clinical_events.where(clinical_events.snomedct_code.is_in(codes)).where(
        clinical_events.date.is_during(INTERVAL)
    )
    infection_date = infection_events.sort_by(infection_events.date).first_for_patient().date
    same_day_abx = abx_in_month.where(abx_in_month.date == infection_date).exists_for_patient()
    measures.define_measure(
        name=f"{infection}_abx_same_day",
        numerator=same_day_abx,
        denominator=infection_events.exists_for_patient() & denominator_all,
        group_by={"sex": patients.sex, "age_over_65": age >= 65},
        intervals=months(60).starting_on("2019-01-01"),
    )
