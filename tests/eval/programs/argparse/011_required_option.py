# required options are accepted when present
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--input", required=True)
parser.add_argument("--weeks", type=int, default=52)
args = parser.parse_args(["--input", "data.csv"])
print(args.input, args.weeks)
