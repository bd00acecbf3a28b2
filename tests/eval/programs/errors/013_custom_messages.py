# raising built-in exceptions with custom messages
def validate(cohort):
    if cohort not in ("adults", "children"):
        raise ValueError(f"unknown cohort: {cohort!r}")
    return cohort
for c in ["adults", "pets"]:
    try:
        print(validate(c))
    except ValueError as e:
        print(type(e).__name__, "|", e)
try:
    raise TypeError("expected a date")
except TypeError as e:
    print(e, e.args)
