"""Adults with asthma on 1 January 2024: inhaler use, smoking and age bands.

Run from the study folder:
    ehrql check analysis/dataset_definition.py -- --index-date 2024-01-01
"""
import argparse

from ehrql import case, create_dataset, days, when, years
from ehrql.tables.core import clinical_events, medications, patients, practice_registrations

from codelists import *

parser = argparse.ArgumentParser()
parser.add_argument("--index-date", type=str, default="2024-01-01", help="study start")
parser.add_argument("--lookback-years", type=int, default=1)
args = parser.parse_args()

index_date = args.index_date
lookback_start = index_date - years(args.lookback_years)


def events_in(codelist, start=lookback_start, end=index_date):
    """Clinical events with a code in `codelist` between two dates (inclusive)."""
    return clinical_events.where(
        clinical_events.snomedct_code.is_in(codelist)
        & clinical_events.date.is_on_or_between(start, end)
    )


dataset = create_dataset()
dataset.configure_dummy_data(population_size=500)

age = patients.age_on(index_date)
has_asthma = events_in(asthma_diagnosis, start="1900-01-01").exists_for_patient()

dataset.define_population(
    practice_registrations.for_patient_on(index_date).exists_for_patient()
    & patients.is_alive_on(index_date)
    & (age >= 18)
    & has_asthma
)

dataset.age = age
dataset.sex = patients.sex
dataset.age_band = case(
    when(age < 40).then("18-39"),
    when(age < 65).then("40-64"),
    otherwise="65+",
)

inhalers = medications.where(
    medications.dmd_code.is_in(asthma_inhalers)
    & medications.date.is_on_or_between(lookback_start, index_date)
)
for inhaler_type in ["reliever", "preventer"]:
    of_type = inhalers.where(
        medications.dmd_code.to_category(asthma_inhalers) == inhaler_type
    )
    setattr(dataset, f"{inhaler_type}_count", of_type.count_for_patient())
    setattr(dataset, f"last_{inhaler_type}_date", of_type.sort_by(medications.date).last_for_patient().date)

latest_smoking = (
    events_in(smoking_status, start="1900-01-01")
    .sort_by(clinical_events.date)
    .last_for_patient()
)
dataset.smoking = latest_smoking.snomedct_code.to_category(smoking_status)
dataset.days_since_diagnosis = (
    index_date
    - events_in(asthma_diagnosis, start="1900-01-01")
    .sort_by(clinical_events.date)
    .first_for_patient()
    .date
).days
dataset.recent_review = events_in(asthma_diagnosis, start=index_date - days(90)).exists_for_patient()
