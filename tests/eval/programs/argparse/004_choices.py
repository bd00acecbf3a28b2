# choices restrict values; valid values pass through
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--cohort", choices=["adults", "children"], default="adults")
print(parser.parse_args([]).cohort)
print(parser.parse_args(["--cohort", "children"]).cohort)
