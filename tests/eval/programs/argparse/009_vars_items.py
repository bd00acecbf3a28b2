# vars(args).items() iterates parsed values in definition order
import argparse
parser = argparse.ArgumentParser(description="study params")
parser.add_argument("--a", default=1, type=int, help="first")
parser.add_argument("--b", default="x", help="second")
parser.add_argument("--c", action="store_true", help="flag")
args = parser.parse_args(["--b", "y"])
for k, v in vars(args).items():
    print(k, repr(v))
