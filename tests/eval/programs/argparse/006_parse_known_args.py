# parse_known_args returns unknown arguments separately
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--region", default="all")
args, rest = parser.parse_known_args(["--region", "north", "--other", "1", "pos"])
print(args.region)
print(rest)
