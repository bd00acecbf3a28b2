"""Variable builders. Each function adds columns to the dataset it is given."""

from ehrql import days
from ehrql.tables.tpp import apcs, clinical_events, ons_deaths, vaccinations

import analysis.study_parameters as params

# keep only product names we analyse, normalised to the short name
_short_name = lambda product: [k for k, v in params.PRODUCTS.items() if v == product][0]


def add_booster(dataset, index_date):
    covid_vax = vaccinations.where(vaccinations.target_disease == "SARS-2 CORONAVIRUS")
    mrna_products = [p for p in params.PRODUCTS.values() if p.startswith("COVID-19 mRNA")]
    for product in mrna_products:
        short = _short_name(product)
        booster = (
            covid_vax.where(covid_vax.product_name == product)
            .where(covid_vax.date.is_on_or_between(index_date, params.STUDY_END))
            .date.minimum_for_patient()
        )
        dataset.add_column(f"booster_{short}_date", booster)


def add_outcomes(dataset, index_date, covid_codes, follow_up=days(28)):
    admissions = apcs.where(apcs.primary_diagnosis.is_in(covid_codes)).where(
        apcs.admission_date.is_after(index_date)
    )
    dataset.covid_admission_date = admissions.admission_date.minimum_for_patient()
    dataset.covid_death_date = ons_deaths.date
    dataset.covid_death = ons_deaths.cause_of_death_is_in(covid_codes)
    dataset.any_admission_28d = apcs.where(
        apcs.admission_date.is_on_or_between(index_date, index_date + follow_up)
    ).exists_for_patient()


def add_clinical(dataset, index_date, codes_by_name):
    for name, codes in codes_by_name.items():
        dataset.add_column(
            name,
            clinical_events.where(clinical_events.snomedct_code.is_in(codes))
            .where(clinical_events.date.is_before(index_date))
            .exists_for_patient(),
        )
