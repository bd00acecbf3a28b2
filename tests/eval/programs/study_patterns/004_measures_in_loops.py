# defining measures in nested loops with f-string names and dict group_by
measures = {}
def define_measure(name, numerator, denominator, group_by=None):
    measures[name] = (numerator, denominator, tuple(sorted(group_by or {})))
groups = {"sex": "s", "region": "r"}
for measure in ["flu", "covid"]:
    for group_name in groups:
        define_measure(f"{measure}_by_{group_name}", numerator=f"n_{measure}",
                       denominator="registered", group_by={group_name: groups[group_name]})
for name, spec in measures.items():
    print(name, spec)
