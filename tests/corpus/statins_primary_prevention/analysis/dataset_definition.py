"""Statin prescribing for primary prevention of CVD in people with QRISK >= 10%.

Settings come from analysis/config.json; `--index-year-position` chooses which index date.
"""

import argparse
import json
from pathlib import Path

from ehrql import codelist_from_csv, create_dataset, months, years
from ehrql.tables.tpp import clinical_events, medications, patients, practice_registrations

CONFIG = json.loads((Path(__file__).parent / "config.json").read_text())

parser = argparse.ArgumentParser()
parser.add_argument("--index-year-position", type=int, default=0, help="index into config index_dates")
args = parser.parse_args()

statins = codelist_from_csv("codelists/opensafely-statins.csv", column="dmd_id", category_column="intensity")
cvd = codelist_from_csv("codelists/opensafely-cardiovascular-disease.csv", column="code")
qrisk = codelist_from_csv("codelists/user-anon-qrisk-score.csv", column="code")
cholesterol = codelist_from_csv("codelists/opensafely-cholesterol-tests.csv", column="code")


def latest_value(codes, index_date, lookback=years(5)):
    events = clinical_events.where(clinical_events.snomedct_code.is_in(codes)).where(
        clinical_events.date.is_on_or_between(index_date - lookback, index_date)
    )
    return events.sort_by(events.date).last_for_patient()


def make_dataset(index_date, threshold=10, include_lipids=False):
    dataset = create_dataset()
    dataset.configure_dummy_data(population_size=800)
    score = latest_value(qrisk, index_date)
    no_cvd = ~(
        clinical_events.where(clinical_events.snomedct_code.is_in(cvd))
        .where(clinical_events.date.is_on_or_before(index_date))
        .exists_for_patient()
    )
    age = patients.age_on(index_date)
    dataset.define_population(
        practice_registrations.for_patient_on(index_date).exists_for_patient()
        & no_cvd
        & (age >= 25)
        & (age < 85)
        & (score.numeric_value >= threshold)
    )
    dataset.qrisk = score.numeric_value
    dataset.qrisk_date = score.date
    statin_rx = medications.where(medications.dmd_code.is_in(statins)).where(
        medications.date.is_on_or_between(index_date, index_date + months(6))
    )
    first = statin_rx.sort_by(statin_rx.date).first_for_patient()
    dataset.statin_started = first.date
    dataset.statin_intensity = first.dmd_code.to_category(statins)
    if include_lipids:
        chol = latest_value(cholesterol, index_date, lookback=years(2))
        dataset.cholesterol = chol.numeric_value
        dataset.cholesterol_date = chol.date
    return dataset


index_date = CONFIG["index_dates"][args.index_year_position]
dataset = make_dataset(
    index_date, threshold=CONFIG["qrisk_threshold"], include_lipids=CONFIG["include_lipids"]
)
