# dashes in option names become underscores; dest overrides
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--start-date", default="2020-01-01")
parser.add_argument("--out", dest="output_dir", default="output")
parser.add_argument("-v", "--verbose", action="store_true")
args = parser.parse_args(["--start-date", "2021-06-01", "-v"])
print(args.start_date, args.output_dir, args.verbose)
