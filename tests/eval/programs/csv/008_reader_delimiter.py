# other delimiters and whitespace handling
import csv
print(list(csv.reader(["a;b;c", "1; 2 ;3"], delimiter=";")))
print(list(csv.reader(["x\ty"], delimiter="\t")))
print(list(csv.reader(["a, b"], skipinitialspace=True)))
