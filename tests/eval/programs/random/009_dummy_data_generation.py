# generating dummy rows with a seeded generator
import random
random.seed(2021)
rows = []
for pid in range(5):
    age = random.randint(18, 90)
    sex = random.choice(["F", "M"])
    bmi = round(18 + random.random() * 17, 1)
    rows.append((pid, age, sex, bmi))
for r in rows:
    print(r)
