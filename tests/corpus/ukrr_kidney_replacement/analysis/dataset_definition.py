"""Outcomes of COVID-19 in people on kidney replacement therapy (UK Renal Registry)."""

from ehrql import case, claim_permissions, codelist_from_csv, create_dataset, when
from ehrql.tables.tpp import apcs, ons_deaths, patients, practice_registrations, ukrr

claim_permissions("ukrr")

covid = codelist_from_csv("codelists/opensafely-covid-identification.csv", column="code")
index_date = "2020-03-01"

prevalent_2019 = ukrr.where(ukrr.dataset == "2019_prevalence").sort_by(ukrr.rrt_start_date).first_for_patient()

dataset = create_dataset()
dataset.define_population(
    prevalent_2019.exists_for_patient() & practice_registrations.for_patient_on(index_date).exists_for_patient()
)
dataset.rrt_start_date = prevalent_2019.rrt_start_date
dataset.years_on_rrt = (index_date - prevalent_2019.rrt_start_date).years
dataset.modality = prevalent_2019.treatment_modality_prevalence
dataset.modality_group = case(
    when(prevalent_2019.treatment_modality_prevalence == "ICHD").then("in-centre HD"),
    when(prevalent_2019.treatment_modality_prevalence == "HHD").then("home HD"),
    when(prevalent_2019.treatment_modality_prevalence == "PD").then("PD"),
    when(prevalent_2019.treatment_modality_prevalence == "Tx").then("transplant"),
    otherwise="other",
)
dataset.renal_centre = prevalent_2019.renal_centre
dataset.latest_egfr = prevalent_2019.latest_egfr
dataset.covid_admission = (
    apcs.where(apcs.primary_diagnosis.is_in(covid)).where(apcs.admission_date.is_after(index_date)).exists_for_patient()
)
dataset.covid_death = ons_deaths.cause_of_death_is_in(covid)
dataset.age = patients.age_on(index_date)
