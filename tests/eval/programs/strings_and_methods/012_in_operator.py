# substring membership
s = "hypertension"
print("tension" in s)
print("x" in s, "" in s)
print("Hyper" not in s)
print("a" in "", "" in "")
