# group_by dicts built with dict comprehensions
demographics = ["age_band", "sex", "region"]
sources = {"age_band": "patients.age_band", "sex": "patients.sex", "region": "practice.region"}
group_by = {d: sources[d] for d in demographics if d != "sex"}
print(group_by)
all_groups = {f"by_{d}": {d: sources[d]} for d in demographics}
for k, v in all_groups.items():
    print(k, v)
