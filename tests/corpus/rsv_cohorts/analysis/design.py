"""Study design settings shared by the RSV definitions.

Everything here is star-imported by the definitions, so keep the names distinctive.
"""

import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--cohort", type=str, default="infants", help="infants, children, adults or older_adults")
parser.add_argument("--season", type=str, default="2021_22", help="season label like 2021_22")
parser.add_argument("--measures", action="store_true", help="produce measures instead of a dataset")
args = parser.parse_args()

cohort = args.cohort
season = args.season
make_measures = args.measures
make_dataset = False if make_measures else True

season_start_year = int(season.split("_")[0])
season_start = f"{season_start_year}-09-01"
season_end = f"{season_start_year + 1}-08-31"

assert cohort in ("infants", "children", "adults", "older_adults"), cohort
