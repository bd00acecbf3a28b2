# --opt=value syntax and repeated options
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--n", type=int)
parser.add_argument("--name")
args = parser.parse_args(["--n=3", "--name=x", "--n", "4"])
print(args.n, args.name)
