# re.escape and matching literal dots
import re
name = "file.v1.csv"
print(re.escape(name))
print(bool(re.fullmatch(re.escape(name), name)), bool(re.fullmatch(re.escape(name), "fileXv1Xcsv")))
print(bool(re.fullmatch(r"file.v1.csv", "fileXv1Xcsv")))
