# positional arguments and their order
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("cohort")
parser.add_argument("year", type=int)
args = parser.parse_args(["adults", "2021"])
print(args.cohort, args.year + 1)
