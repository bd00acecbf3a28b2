"""Time to surgery and 30-day mortality after hip fracture, 2019-2023.

Hip fracture: emergency admission with a primary diagnosis of S72.0-S72.2 (fracture of
neck of femur, pertrochanteric, subtrochanteric). Surgery: OPCS-4 codes from the
National Hip Fracture Database list.
"""

from ehrql import codelist_from_csv, create_dataset, days
from ehrql.codes import ICD10Code
from ehrql.tables.tpp import apcs, clinical_events, medications, ons_deaths, patients, practice_registrations

HIP_FRACTURE = [ICD10Code("S720"), ICD10Code("S721"), ICD10Code("S722")]
surgery_codes = codelist_from_csv("codelists/user-anon-hip-fracture-surgery-opcs4.csv", column="code")
osteoporosis = codelist_from_csv("codelists/opensafely-osteoporosis.csv", column="code")
bisphosphonates = codelist_from_csv("codelists/opensafely-bisphosphonates.csv", column="dmd_id")

admissions = apcs.where(apcs.primary_diagnosis.is_in(HIP_FRACTURE)).where(
    apcs.admission_date.is_on_or_between("2019-01-01", "2023-12-31")
).where(apcs.admission_method.is_in(["21", "22", "23", "24", "28", "2A", "2B", "2D"]))
first_admission = admissions.sort_by(apcs.admission_date).first_for_patient()
admission_date = first_admission.admission_date

dataset = create_dataset()
dataset.configure_dummy_data(population_size=500)
dataset.define_population(
    first_admission.exists_for_patient()
    & (patients.age_on(admission_date) >= 60)
    & practice_registrations.for_patient_on(admission_date).exists_for_patient()
)
dataset.admission_date = admission_date
dataset.discharge_date = first_admission.discharge_date
dataset.length_of_stay = (first_admission.discharge_date - admission_date).days
dataset.had_surgery = first_admission.all_procedures.contains_any_of(surgery_codes)
dataset.critical_care_days = first_admission.days_in_critical_care
dataset.discharge_destination = first_admission.discharge_destination
dataset.secondary_diagnosis = first_admission.secondary_diagnosis
dataset.died_30d = ons_deaths.date.is_on_or_between(admission_date, admission_date + days(30))
dataset.died_in_hospital = ons_deaths.place == "Hospital"
dataset.osteoporosis = (
    clinical_events.where(clinical_events.snomedct_code.is_in(osteoporosis))
    .where(clinical_events.date.is_before(admission_date))
    .exists_for_patient()
)
dataset.bisphosphonate_after = (
    medications.where(medications.dmd_code.is_in(bisphosphonates))
    .where(medications.date.is_on_or_between(first_admission.discharge_date, first_admission.discharge_date + days(120)))
    .exists_for_patient()
)
