#!/usr/bin/env python3
"""Writes the small example dataset in examples/data/ (the core tables for 300 patients).

The data is synthetic and deterministic (fixed seed). Codes are drawn partly from the asthma
example's codelists so that its definition selects realistic shares of patients. The
`ehrql dump-example-data` command writes these same files (they are embedded in the binary).

    python3 examples/tools/make_example_data.py
"""
import csv
import datetime
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "data"
CODELISTS = HERE.parent / "asthma" / "codelists"
PATIENTS = 300

rng = random.Random(20261128)


def codes(name, column):
    with open(CODELISTS / name, newline="") as f:
        return [row[column] for row in csv.DictReader(f)]


asthma = codes("asthma-diagnosis.csv", "code")
smoking = codes("smoking-status.csv", "code")
inhalers = codes("asthma-inhalers.csv", "dmd_id")
other_events = ["271649006", "38341003", "44054006", "22298006", "60621009", "72313002"]
other_meds = ["39695211000001102", "42206511000001102", "320160005", "39732311000001104"]


def day_between(start, end):
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


def write(name, header, rows):
    with open(OUT / f"{name}.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


patients, registrations, events, medications, deaths = [], [], [], [], []
for pid in range(1, PATIENTS + 1):
    birth = datetime.date(rng.randrange(1930, 2020), rng.randrange(1, 13), 1)
    sex = rng.choices(["female", "male", "intersex", "unknown"], [48, 48, 1, 3])[0]
    death = None
    if rng.random() < 0.06:
        death = day_between(datetime.date(2015, 1, 1), datetime.date(2024, 12, 31))
    patients.append([pid, birth, sex, death or ""])
    if death and rng.random() < 0.9:
        deaths.append([pid, death, rng.choice(["J45", "I21", "C34", "F03"])] + [""] * 15)

    start = day_between(max(birth, datetime.date(1990, 1, 1)), datetime.date(2023, 6, 30))
    for k in range(rng.choice([1, 1, 1, 2, 3])):
        end = None
        if k < 2 and rng.random() < 0.3:
            end = day_between(start, datetime.date(2024, 12, 31))
        registrations.append([pid, start, end or "", rng.randrange(1, 40)])
        if end is None:
            break
        start = end + datetime.timedelta(days=1)

    asthmatic = rng.random() < 0.35
    for _ in range(rng.randrange(0, 16)):
        date = day_between(max(birth, datetime.date(2000, 1, 1)), datetime.date(2024, 6, 30))
        pick = rng.random()
        if asthmatic and pick < 0.3:
            code = rng.choice(asthma)
        elif pick < 0.45:
            code = rng.choice(smoking)
        else:
            code = rng.choice(other_events)
        value = round(rng.uniform(15, 40), 1) if rng.random() < 0.2 else ""
        events.append([pid, date, code, value])
    for _ in range(rng.randrange(0, 10 if asthmatic else 4)):
        date = day_between(datetime.date(2020, 1, 1), datetime.date(2024, 6, 30))
        code = rng.choice(inhalers) if asthmatic and rng.random() < 0.7 else rng.choice(other_meds)
        medications.append([pid, date, code])

OUT.mkdir(exist_ok=True)
write("patients", ["patient_id", "date_of_birth", "sex", "date_of_death"], patients)
write(
    "practice_registrations",
    ["patient_id", "start_date", "end_date", "practice_pseudo_id"],
    registrations,
)
write("clinical_events", ["patient_id", "date", "snomedct_code", "numeric_value"], events)
write("medications", ["patient_id", "date", "dmd_code"], medications)
write(
    "ons_deaths",
    ["patient_id", "date", "underlying_cause_of_death"]
    + [f"cause_of_death_{i:02}" for i in range(1, 16)],
    deaths,
)
