# chained string methods as used for column names
raw = "  Hospital Admission (Emergency)  "
name = raw.strip().lower().replace(" ", "_").replace("(", "").replace(")", "")
print(name)
print(name.split("_"))
print("_".join(p.capitalize() for p in name.split("_")))
