# parse_args with explicit lists, types and defaults
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--start", type=str, default="2020-01-01")
parser.add_argument("--n", type=int, default=5)
args = parser.parse_args(["--n", "12"])
print(args.start, args.n, type(args.n).__name__)
print(args)
