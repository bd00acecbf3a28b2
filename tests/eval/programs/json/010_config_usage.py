# reading config values out of parsed JSON
import json
raw = '{"study_start": "2020-01-01", "codes": ["E10", "E11"], "options": {"age_min": 18, "age_max": 110}}'
cfg = json.loads(raw)
print(cfg["study_start"])
print(", ".join(cfg["codes"]))
lo, hi = cfg["options"]["age_min"], cfg["options"]["age_max"]
print(lo, hi, hi - lo)
print(sorted(cfg))
