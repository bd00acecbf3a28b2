# parsed flags gating which objects are built
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--output-type", choices=["dataset", "measures"], default="dataset")
parser.add_argument("--weeks", type=int, default=3)
args = parser.parse_args(["--output-type", "measures", "--weeks", "2"])
if args.output_type == "dataset":
    print("building dataset")
else:
    for w in range(args.weeks):
        print(f"measure_week_{w}")
