# building when/then pairs in a loop and star-unpacking them into a call
def when(cond):
    return {"when": cond}
def then(w, value):
    return (w["when"], value)
def case(*arms, otherwise=None):
    return [f"{c}->{v}" for c, v in arms] + [f"else->{otherwise}"]
bands = [(0, 17, "child"), (18, 64, "adult"), (65, 120, "older")]
arms = [then(when(f"{lo}<=age<={hi}"), label) for lo, hi, label in bands]
for line in case(*arms, otherwise="missing"):
    print(line)
