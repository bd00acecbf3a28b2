"""Safety blood monitoring for people on DMARDs: FBC, LFT and U&E within the last 3 months.

`-- --by-drug` adds per-drug breakdowns; `--months` sets the number of intervals.
"""

import argparse

from ehrql import codelist_from_csv, create_measures, months
from ehrql.measures import INTERVAL
from ehrql.tables.tpp import clinical_events, medications, practice_registrations

parser = argparse.ArgumentParser()
parser.add_argument("--by-drug", action="store_true")
parser.add_argument("--months", type=int, default=24, help="number of monthly intervals")
args = parser.parse_args()

dmards = codelist_from_csv("codelists/user-anon-dmards.csv", column="dmd_id", category_column="drug")
TESTS = {name: codelist_from_csv(f"codelists/user-anon-{name}.csv", column="code") for name in ["fbc", "lft", "ue"]}


def build_measures(n_months, by_drug=False):
    on_dmard = medications.where(medications.dmd_code.is_in(dmards)).where(
        medications.date.is_on_or_between(INTERVAL.start_date - months(3), INTERVAL.end_date)
    )
    denominator = on_dmard.exists_for_patient() & practice_registrations.for_patient_on(
        INTERVAL.end_date
    ).exists_for_patient()
    recent = clinical_events.where(
        clinical_events.date.is_on_or_between(INTERVAL.end_date - months(3), INTERVAL.end_date)
    )
    tested = {
        name: recent.where(recent.snomedct_code.is_in(codes)).exists_for_patient()
        for name, codes in TESTS.items()
    }
    all_tests = tested["fbc"] & tested["lft"] & tested["ue"]

    m = create_measures()
    m.configure_dummy_data(population_size=400)
    m.define_defaults(denominator=denominator, intervals=months(n_months).starting_on("2022-01-01"))
    for name, numerator in list(tested.items()) + [("all", all_tests)]:
        m.define_measure(name=f"monitoring_{name}", numerator=numerator)
        if by_drug:
            latest_drug = on_dmard.sort_by(on_dmard.date).last_for_patient().dmd_code.to_category(dmards)
            m.define_measure(name=f"monitoring_{name}_by_drug", numerator=numerator, group_by={"drug": latest_drug})
    return m


measures = build_measures(args.months, by_drug=args.by_drug)
