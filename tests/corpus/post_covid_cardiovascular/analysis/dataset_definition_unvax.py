"""Dataset definition for the unvax cohort of the post-COVID cardiovascular study.

Index dates were computed by an earlier action (`generate_index_dates`) and are read back
from `output/index_dates.csv.gz`; study dates come from `output/study_dates.json`.
"""

import json
from datetime import date

from ehrql import claim_permissions, create_dataset
from ehrql.query_language import PatientFrame, Series, table_from_file
from ehrql.tables.tpp import patients, vaccinations

from analysis.variables_cohorts import generate_variables
from analysis.variables_outcomes import generate_outcome_variables

study_dates = json.load(open("output/study_dates.json"))
claim_permissions("sgss_covid_all_tests")

cohort = "unvax"


@table_from_file("output/index_dates.csv.gz")
class index_dates(PatientFrame):
    index_date = Series(date)
    end_date_exposure = Series(date)
    end_date_outcome = Series(date)


index_date = index_dates.index_date
end_date_exp = index_dates.end_date_exposure
end_date_out = index_dates.end_date_outcome

dataset = create_dataset()
dataset.configure_dummy_data(population_size=50)
dataset.define_population(
    index_dates.exists_for_patient()
    & index_date.is_on_or_after(study_dates["pandemic_start"])
)

dataset.index_date = index_date
dataset.end_date_exposure = end_date_exp
dataset.end_date_outcome = end_date_out

covid_vax = vaccinations.where(vaccinations.target_disease == "SARS-2 CORONAVIRUS")
vax_before_index = covid_vax.where(covid_vax.date.is_before(index_date))
if cohort == "prevax":
    # no restriction: follow-up ends before vaccines were widely available
    pass
elif cohort == "vax":
    dataset.vax_date_covid_1 = covid_vax.sort_by(covid_vax.date).first_for_patient().date
    dataset.vax_doses_before_index = vax_before_index.count_for_patient()
else:
    dataset.days_since_vax_eligible = (index_date - study_dates["vax_date_eligible_start"]).days
    dataset.unvaccinated_at_index = ~vax_before_index.exists_for_patient()

variables = generate_variables(index_date, end_date_exp, end_date_out)
variables.update(generate_outcome_variables(index_date, end_date_out))

for var_name, var_value in variables.items():
    setattr(dataset, var_name, var_value)
