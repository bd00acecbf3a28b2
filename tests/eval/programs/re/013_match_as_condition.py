# using match results in conditions to filter codes
import re
codes = ["E10.1", "I10", "E11", "J45.0", "E109"]
diabetes = [c for c in codes if re.match(r"E1[01]", c)]
print(diabetes)
with_decimal = [c for c in codes if re.search(r"\.\d$", c)]
print(with_decimal)
