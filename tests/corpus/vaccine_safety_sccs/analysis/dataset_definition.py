"""Self-controlled case series: myocarditis after COVID-19 mRNA vaccination.

Cases are people with a myocarditis event in the study period; risk windows are days
1-7, 8-14 and 15-28 after each of the first three doses.
"""

from ehrql import codelist_from_csv, create_dataset, days
from ehrql.tables.tpp import apcs, clinical_events, patients, vaccinations

myo_icd10 = codelist_from_csv("codelists/user-anon-myocarditis-icd10.csv", column="code")
myo_snomed = codelist_from_csv("codelists/user-anon-myocarditis-snomed.csv", column="code")

STUDY_START = "2020-12-08"
STUDY_END = "2022-06-30"
RISK_WINDOWS = [(1, 7), (8, 14), (15, 28)]


def nth_dose_finder(vaccine_events):
    """Returns a function giving the date of dose n, with doses >= 19 days apart."""

    def nth_dose(previous_date):
        candidates = vaccine_events
        if previous_date is not None:
            candidates = candidates.where(candidates.date.is_on_or_after(previous_date + days(19)))
        return candidates.sort_by(candidates.date).first_for_patient()

    return nth_dose


def first_event(start, end):
    """(date, source) of the first myocarditis event from primary or secondary care."""
    hosp = (
        apcs.where(apcs.primary_diagnosis.is_in(myo_icd10))
        .where(apcs.admission_date.is_on_or_between(start, end))
        .admission_date.minimum_for_patient()
    )
    gp = (
        clinical_events.where(clinical_events.snomedct_code.is_in(myo_snomed))
        .where(clinical_events.date.is_on_or_between(start, end))
        .date.minimum_for_patient()
    )
    return hosp, gp


hosp_date, gp_date = first_event(STUDY_START, STUDY_END)

dataset = create_dataset()
dataset.configure_dummy_data(population_size=300)
dataset.define_population(hosp_date.is_not_null() | gp_date.is_not_null())
dataset.myocarditis_hosp_date = hosp_date
dataset.myocarditis_gp_date = gp_date
dataset.age = patients.age_on(STUDY_START)
dataset.sex = patients.sex

next_dose = nth_dose_finder(
    vaccinations.where(vaccinations.target_disease == "SARS-2 CORONAVIRUS").where(
        vaccinations.date.is_on_or_after(STUDY_START)
    )
)
previous = None
for dose_number in [1, 2, 3]:
    dose = next_dose(previous)
    setattr(dataset, f"dose_{dose_number}_date", dose.date)
    setattr(dataset, f"dose_{dose_number}_product", dose.product_name)
    for lo, hi in RISK_WINDOWS:
        setattr(
            dataset,
            f"dose_{dose_number}_risk_{lo}_{hi}_end",
            dose.date + days(hi),
        )
    previous = dose.date
