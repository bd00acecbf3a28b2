# conditional blocks at module level gated by flags
flags = {"make_dataset": True, "make_measures": False}
outputs = []
if flags["make_dataset"]:
    outputs.append("dataset")
if flags["make_measures"]:
    outputs.append("measures")
cohort = "infants"
if cohort == "adults" or cohort == "older":
    group = "A"
elif cohort in ("infants", "children"):
    group = "B"
else:
    group = "C"
print(outputs, group)
