"""COVID-19 vaccination in health and social care workers (self-identified on the vaccine record)."""

from ehrql import claim_permissions, create_dataset, days
from ehrql.tables.tpp import occupation_on_covid_vaccine_record, patients, practice_registrations, vaccinations

claim_permissions("occupation_on_covid_vaccine_record")

index_date = "2020-12-08"
PRODUCTS = {
    "pfizer": "COVID-19 mRNA Vaccine Comirnaty 30micrograms/0.3ml dose conc for susp for inj MDV (Pfizer)",
    "az": "COVID-19 Vaccine Vaxzevria 0.5ml inj multidose vials (AstraZeneca)",
    "moderna": "COVID-19 mRNA Vaccine Spikevax (nucleoside modified) 0.1mg/0.5mL dose disp for inj MDV (Moderna)",
}

hcw = occupation_on_covid_vaccine_record.where(
    occupation_on_covid_vaccine_record.is_healthcare_worker
).exists_for_patient()

dataset = create_dataset()
dataset.configure_dummy_data(population_size=400)
age = patients.age_on(index_date)
dataset.define_population(
    hcw
    & practice_registrations.for_patient_on(index_date).exists_for_patient()
    & (age >= 16)
    & (age < 65)
)
covid_vax = vaccinations.where(vaccinations.target_disease == "SARS-2 CORONAVIRUS")
for short_name, product in PRODUCTS.items():
    doses = covid_vax.where(covid_vax.product_name == product)
    dataset.add_column(f"{short_name}_first_date", doses.date.minimum_for_patient())
    dataset.add_column(f"{short_name}_n_doses", doses.count_for_patient())
dataset.first_dose_date = covid_vax.sort_by(covid_vax.date).first_for_patient().date
dataset.days_to_first_dose = (dataset.first_dose_date - index_date).days
# second dose at least 19 days after the first
dataset.second_dose_date = (
    covid_vax.where(covid_vax.date.is_on_or_after(dataset.first_dose_date + days(19)))
    .date.minimum_for_patient()
)
dataset.age = age
