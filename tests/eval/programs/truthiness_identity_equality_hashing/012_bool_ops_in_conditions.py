# and/or/not in complex conditions
age = 70
sex = "F"
region = None
print(age >= 65 and sex == "F")
print(region or "unknown")
print(not region and age > 18)
print((age < 18 or age > 65) and not sex == "M")
