# nargs="+", "*" and "?" collect lists or optional values
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--codes", nargs="+")
parser.add_argument("--extra", nargs="*", default=[])
parser.add_argument("--opt", nargs="?", const="const", default="dflt")
a = parser.parse_args(["--codes", "E10", "E11", "--opt"])
print(a.codes, a.extra, a.opt)
b = parser.parse_args(["--codes", "X", "--extra", "--opt", "v"])
print(b.codes, b.extra, b.opt)
