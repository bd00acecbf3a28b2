# and/or return operands and short-circuit
print(0 or "default", "" or None, "a" or "b")
print(1 and 2, 0 and 2, [] and "x")
print(None or [] or 0)
calls = []
def t(v):
    calls.append(v)
    return v
t(False) and t("never")
t(True) or t("never")
print(calls)
