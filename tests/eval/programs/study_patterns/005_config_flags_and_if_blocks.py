# module-level if blocks chosen by parsed arguments
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--cohort", default="adults")
parser.add_argument("--measures", action="store_true")
args = parser.parse_args(["--cohort", "infants", "--measures"])
built = []
if args.cohort == "adults" or args.cohort == "older":
    built.append("adult variables")
elif args.cohort in ("infants", "children"):
    built.append("child variables")
if args.measures:
    built.append("measures")
print(built)
