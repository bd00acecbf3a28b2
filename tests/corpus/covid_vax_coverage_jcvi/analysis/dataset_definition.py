"""
COVID-19 vaccine coverage by JCVI priority group.

Extracts the first five COVID-19 vaccine doses for everyone registered on the start of
the campaign, and assigns each person to a JCVI priority group (1-12) using the PRIMIS
rules. Run with:

    generate-dataset analysis/dataset_definition.py -- --start-date 2020-12-08 --n-doses 5
"""

import argparse

from ehrql import case, create_dataset, days, when
from ehrql.tables.tpp import (
    addresses,
    clinical_events,
    medications,
    patients,
    practice_registrations,
    vaccinations,
)

from codelists import *  # noqa: F401,F403

parser = argparse.ArgumentParser()
parser.add_argument("--start-date", type=str, default="2020-12-08", help="Campaign start")
parser.add_argument("--n-doses", type=int, default=5, help="How many doses to extract")
args = parser.parse_args()

start_date = args.start_date
n_doses = args.n_doses

dataset = create_dataset()
dataset.configure_dummy_data(population_size=2000)

registered = practice_registrations.for_patient_on(start_date).exists_for_patient()
age = patients.age_on("2021-03-31")
alive = patients.is_alive_on(start_date)

dataset.define_population(registered & alive & (age >= 16) & (age < 110))

dataset.age = age
dataset.sex = patients.sex
dataset.region = practice_registrations.for_patient_on(start_date).practice_nuts1_region_name
dataset.imd_quintile = addresses.for_patient_on(start_date).imd_quintile


def has_prior(codelist, on_or_before=start_date):
    """True if the patient has ever had a code from `codelist` on or before the date."""
    return (
        clinical_events.where(clinical_events.snomedct_code.is_in(codelist))
        .where(clinical_events.date.is_on_or_before(on_or_before))
        .exists_for_patient()
    )


# -- Clinical risk groups (PRIMIS) ---------------------------------------------------------
asthma = has_prior(ast) & has_prior(astadm)
chronic_resp = has_prior(resp_cov)
chronic_heart = has_prior(chd_cov)
chronic_kidney = has_prior(ckd_cov)
chronic_liver = has_prior(cld)
diabetes = has_prior(diab)
severe_mental = has_prior(sev_mental)
learning_disability = has_prior(learndis)
# immunosuppressive medication in the 6 months before the campaign
immunosuppressed = (
    medications.where(medications.dmd_code.is_in(immrx))
    .where(medications.date.is_on_or_between(days(-182) + start_date, start_date))
    .exists_for_patient()
)
care_home = has_prior(longres)
unpaid_carer = has_prior(carer)

at_risk = (
    asthma
    | chronic_resp
    | chronic_heart
    | chronic_kidney
    | chronic_liver
    | diabetes
    | severe_mental
    | learning_disability
    | immunosuppressed
)
dataset.at_risk = at_risk

# JCVI priority groups. The order of the arms matters: a patient lands in the first
# group they qualify for.
dataset.jcvi_group = case(
    when(care_home & (age >= 65)).then("01"),
    when(age >= 80).then("02"),
    when(age >= 75).then("03"),
    when(age >= 70).then("04"),
    when(age >= 65).then("05"),
    when(at_risk).then("06"),
    when(unpaid_carer).then("06"),
    when(age >= 60).then("07"),
    when(age >= 55).then("08"),
    when(age >= 50).then("09"),
    when(age >= 40).then("10"),
    when(age >= 30).then("11"),
    when(age >= 18).then("12"),
    otherwise="99",
)

# -- Vaccine doses -------------------------------------------------------------------------
covid_vax = vaccinations.where(vaccinations.target_disease == "SARS-2 CORONAVIRUS")

previous_date = None
for i in range(1, n_doses + 1):
    # each dose must be at least 19 days after the previous one, to avoid counting
    # duplicate records of the same dose
    if previous_date is None:
        candidates = covid_vax.where(covid_vax.date.is_on_or_after(start_date))
    else:
        candidates = covid_vax.where(covid_vax.date.is_after(previous_date + days(19)))
    dose = candidates.sort_by(covid_vax.date).first_for_patient()
    setattr(dataset, f"covid_vax_{i}_date", dose.date)
    setattr(dataset, f"covid_vax_{i}_product", dose.product_name)
    previous_date = dose.date
