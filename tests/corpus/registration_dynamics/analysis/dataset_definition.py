"""Practice registration churn: how many people move practice, and how many practices
switch clinical system during follow-up (spanning vs spanning_with_systmone)."""

from ehrql import create_dataset, years
from ehrql.tables.tpp import patients, practice_registrations

start_date = "2019-04-01"
end_date = "2024-03-31"

regs = practice_registrations
continuous = regs.spanning(start_date, end_date).exists_for_patient()
continuous_systmone = regs.spanning_with_systmone(start_date, end_date).exists_for_patient()

dataset = create_dataset()
dataset.configure_dummy_data(population_size=1000)
dataset.define_population(regs.exists_for_patient_on(start_date) & patients.is_alive_on(start_date))

dataset.continuously_registered = continuous
dataset.continuously_registered_systmone = continuous_systmone
overlapping = regs.where(regs.start_date.is_on_or_before(end_date)).where(
    regs.end_date.is_after(start_date) | regs.end_date.is_null()
)
dataset.n_registrations = overlapping.count_for_patient()
dataset.n_practices = overlapping.practice_pseudo_id.count_distinct_for_patient()
dataset.first_registration_start = regs.start_date.minimum_for_patient()
dataset.latest_registration_end = regs.sort_by(regs.start_date).last_for_patient().end_date
dataset.practice_at_start = regs.for_patient_on(start_date).practice_pseudo_id
dataset.practice_at_end = regs.for_patient_on(end_date).practice_pseudo_id
dataset.stp_at_start = regs.for_patient_on(start_date).practice_stp
dataset.moved = dataset.practice_at_start != dataset.practice_at_end
dataset.systmone_go_live = regs.for_patient_on(start_date).practice_systmone_go_live_date
dataset.registered_year_before = regs.for_patient_on(start_date - years(1)).exists_for_patient()
dataset.age_start = patients.age_on(start_date)
dataset.birth_year = patients.date_of_birth.year
dataset.birth_month = patients.date_of_birth.month
dataset.first_of_birth_month = patients.date_of_birth.to_first_of_month()
