"""Spring booster eligibility and uptake (75+, care home, immunosuppressed), 2023 and 2024.

Usage: -- --campaign-start 2023-04-03 --campaign-end 2023-06-30 --min-age 75
"""

import argparse
from datetime import datetime, timedelta

from ehrql import case, codelist_from_csv, create_dataset, days, when
from ehrql.tables.tpp import addresses, clinical_events, medications, patients, practice_registrations, vaccinations

parser = argparse.ArgumentParser()
parser.add_argument("--campaign-start", type=str, default="2023-04-03")
parser.add_argument("--campaign-end", type=str, default="2023-06-30")
parser.add_argument("--min-age", type=int, default=75)
args = parser.parse_args()
for key, value in vars(args).items():
    print(f"{key}: {value}")

campaign_start = datetime.strptime(args.campaign_start, "%Y-%m-%d").date()
campaign_end = datetime.strptime(args.campaign_end, "%Y-%m-%d").date()
age_date = campaign_end

immrx = codelist_from_csv("codelists/primis-covid19-vacc-uptake-immrx.csv", column="dmd_id")
immdx = codelist_from_csv("codelists/primis-covid19-vacc-uptake-immdx_cov.csv", column="code")
shield = codelist_from_csv("codelists/primis-covid19-vacc-uptake-shield.csv", column="code")
nonshield = codelist_from_csv("codelists/primis-covid19-vacc-uptake-nonshield.csv", column="code")


def last_and_count(codelist, start, end):
    """Returns (date of last matching code, number of matching codes) in the window."""
    events = clinical_events.where(clinical_events.snomedct_code.is_in(codelist)).where(
        clinical_events.date.is_on_or_between(start, end)
    )
    return events.date.maximum_for_patient(), events.count_for_patient()


age = patients.age_on(age_date)
immunosuppressed = (
    medications.where(medications.dmd_code.is_in(immrx))
    .where(medications.date.is_on_or_between(campaign_start - timedelta(days=180), campaign_start))
    .exists_for_patient()
) | clinical_events.where(clinical_events.snomedct_code.is_in(immdx)).exists_for_patient()
shield_date, shield_count = last_and_count(shield, "2020-01-01", campaign_start)
nonshield_date, _ = last_and_count(nonshield, "2020-01-01", campaign_start)
# shielding flag: latest high-risk code not superseded by a low-risk code
shielding = shield_date.is_not_null() & (nonshield_date.is_null() | (nonshield_date < shield_date))
care_home = addresses.for_patient_on(campaign_start).care_home_is_potential_match

eligibility = case(
    when(age >= args.min_age).then("age"),
    when(care_home).then("care_home"),
    when(immunosuppressed | shielding).then("immunosuppressed"),
)

dataset = create_dataset()
dataset.configure_dummy_data(population_size=1000)
dataset.define_population(
    practice_registrations.for_patient_on(campaign_start).exists_for_patient()
    & eligibility.is_not_null()
    & patients.is_alive_on(campaign_start)
)
dataset.eligibility = eligibility
dataset.shield_code_count = shield_count

covid_vax = vaccinations.where(vaccinations.target_disease == "SARS-2 CORONAVIRUS")
# drop records before the campaign and any flagged as the wrong product name
in_campaign = covid_vax.except_where(covid_vax.date.is_before(campaign_start)).where(
    covid_vax.date.is_on_or_before(campaign_end)
)
booster = in_campaign.sort_by(in_campaign.date).first_for_patient()
dataset.booster_date = booster.date
dataset.booster_product = booster.product_name
dataset.previous_dose_date = (
    covid_vax.where(covid_vax.date.is_before(campaign_start)).date.maximum_for_patient()
)
dataset.days_since_previous = (booster.date - dataset.previous_dose_date).days
dataset.vaccinated_within_28_days = booster.date.is_on_or_before(campaign_start + days(28))
