# Routine childhood immunisation timeliness for children born in 2019.
# Vaccine schedules come from analysis/config.json so the same definition can be reused
# for later birth cohorts.

import json

from ehrql import create_dataset, days, months, years
from ehrql.tables.tpp import addresses, parents, patients, practice_registrations, vaccinations

config = json.load(open("analysis/config.json"))
cohort_start = config["cohort_start"]
cohort_end = config["cohort_end"]

dob = patients.date_of_birth

dataset = create_dataset()
dataset.configure_dummy_data(population_size=1000)
dataset.define_population(
    dob.is_on_or_between(cohort_start, cohort_end)
    & practice_registrations.for_patient_on(dob + months(2)).exists_for_patient()
)
dataset.date_of_birth = dob
dataset.sex = patients.sex
dataset.imd_quintile = addresses.for_patient_on(dob + months(2)).imd_quintile
dataset.has_linked_mother = parents.mother_id.is_not_null()

for vaccine, spec in config["vaccines"].items():
    given = vaccinations.where(vaccinations.target_disease == spec["target_disease"]).where(
        vaccinations.date.is_on_or_after(dob)
    )
    previous = None
    for dose in range(1, spec["doses"] + 1):
        if previous is None:
            candidates = given
        else:
            # doses at least 4 weeks apart
            candidates = given.where(given.date.is_on_or_after(previous + days(28)))
        this_dose = candidates.sort_by(candidates.date).first_for_patient().date
        dataset.add_column(f"{vaccine}_dose{dose}_date", this_dose)
        dataset.add_column(f"{vaccine}_dose{dose}_age_weeks", (this_dose - dob).weeks)
        previous = this_dose
    dataset.add_column(
        f"{vaccine}_complete_by_2",
        given.where(given.date.is_before(dob + years(2))).count_for_patient() >= spec["doses"],
    )
