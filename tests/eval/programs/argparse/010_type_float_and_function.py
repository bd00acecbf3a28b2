# type can be float or any callable
import argparse
from datetime import date
parser = argparse.ArgumentParser()
parser.add_argument("--rate", type=float, default=0.5)
parser.add_argument("--date", type=date.fromisoformat)
args = parser.parse_args(["--rate", "1e-2", "--date", "2020-02-29"])
print(args.rate, args.date, args.date.year)
