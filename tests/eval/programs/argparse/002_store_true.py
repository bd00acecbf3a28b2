# store_true flags default to False
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--measures", action="store_true")
parser.add_argument("--dataset", action="store_true")
a = parser.parse_args(["--measures"])
print(a.measures, a.dataset)
b = parser.parse_args([])
print(b.measures, b.dataset)
