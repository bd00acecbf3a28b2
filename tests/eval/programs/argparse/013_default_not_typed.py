# defaults are used as given; string defaults pass through type
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--n", type=int, default="7")
parser.add_argument("--m", type=int, default=None)
args = parser.parse_args([])
print(repr(args.n), repr(args.m))
