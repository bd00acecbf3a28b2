# removeprefix and removesuffix
print("dataset_age".removeprefix("dataset_"))
print("dataset_age".removeprefix("x"))
print("report.csv".removesuffix(".csv"))
print("report.csv".removesuffix(".gz"))
