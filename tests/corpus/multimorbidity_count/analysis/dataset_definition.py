"""Multimorbidity: count of 12 long-term conditions at 1 April 2023."""

from ehrql import case, codelist_from_csv, create_dataset, when
from ehrql.tables.tpp import clinical_events, patients, practice_registrations

index_date = "2023-04-01"
CONDITIONS = [
    "asthma", "copd", "chd", "heart-failure", "diabetes", "ckd",
    "depression", "dementia", "stroke", "cancer", "epilepsy", "ra",
]

prior = clinical_events.where(clinical_events.date.is_on_or_before(index_date))

dataset = create_dataset()
dataset.configure_dummy_data(population_size=1000)
dataset.define_population(practice_registrations.for_patient_on(index_date).exists_for_patient())

flags = {}
for condition in CONDITIONS:
    codes = codelist_from_csv(f"codelists/user-anon-{condition}.csv", column="code")
    column = "ltc_" + condition.replace("-", "_")
    flags[column] = prior.where(prior.snomedct_code.is_in(codes)).exists_for_patient()
    setattr(dataset, column, flags[column])

n_conditions = sum([flag.as_int() for flag in flags.values()])
dataset.n_conditions = n_conditions
dataset.multimorbidity = case(
    when(n_conditions == 0).then("0"),
    when(n_conditions == 1).then("1"),
    when(n_conditions <= 3).then("2-3"),
    otherwise="4+",
)
dataset.age = patients.age_on(index_date)
dataset.sex = patients.sex
