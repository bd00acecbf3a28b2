# Many engine features over the bundled example tables (examples/data). The expected
# outputs were written by the reference ehrQL (generate-dataset --dummy-tables, dir:csv).
from ehrql import claim_permissions
claim_permissions("event_level_data")
from ehrql import create_dataset, days, months, years, case, when, minimum_of, maximum_of, weeks
from ehrql.tables.core import clinical_events as e, medications as m, patients as p, practice_registrations as r, ons_deaths as d

dataset = create_dataset()
dataset.define_population(p.exists_for_patient())
dataset.dob_plus_month = p.date_of_birth + months(1)
dataset.dob_plus_year = (p.date_of_birth + years(3)).to_first_of_year()
dataset.age_months = (p.date_of_birth - "2024-02-29").months
dataset.age_weeks = ("2024-02-29" - p.date_of_birth).weeks
dataset.n_ep = e.date.count_episodes_for_patient(days(30))
dataset.n_ep_w = e.date.count_episodes_for_patient(weeks(-1))
dataset.mean_val = e.numeric_value.mean_for_patient()
dataset.sum_val = e.numeric_value.sum_for_patient()
dataset.max_code = e.where(e.numeric_value > 20).sort_by(e.numeric_value).last_for_patient().snomedct_code
dataset.first_date = e.sort_by(e.snomedct_code).first_for_patient().date
dataset.distinct_codes = e.snomedct_code.count_distinct_for_patient()
dataset.med_in_events = m.dmd_code.is_in(m.where(m.date > "2023-01-01").dmd_code).count_distinct_for_patient()
dataset.code_in_set = e.sort_by(e.date).first_for_patient().snomedct_code.is_in(e.where(e.date > "2022-01-01").snomedct_code)
dataset.minof = minimum_of(e.date.maximum_for_patient(), p.date_of_death, "2020-01-01")
dataset.maxv = maximum_of(e.numeric_value.minimum_for_patient(), 25.5)
dataset.fd = (p.date_of_birth.year // 7) + (p.date_of_birth.month ** 2).as_int()
dataset.td = p.date_of_birth.day / (p.date_of_birth.month - 1)
dataset.pw = (e.numeric_value.mean_for_patient() - 30) ** 0.5
dataset.neg = -(r.practice_pseudo_id.maximum_for_patient()).absolute()
dataset.cast = (e.numeric_value.maximum_for_patient() * -1.5).as_int()
dataset.sexcat = p.sex.map_values({"male": "M", "female": "F"}, default="other")
dataset.dead = d.exists_for_patient() | p.date_of_death.is_not_null()
dataset.has_reg_practice = r.where(r.end_date.is_null()).sort_by(r.start_date).last_for_patient().practice_pseudo_id
dataset.contains = e.where(e.snomedct_code.to_category({"77176002": "smoker"}).is_null()).count_for_patient()
dataset.add_event_table("recent", date=e.where(e.date > "2024-01-01").date, code=e.where(e.date > "2024-01-01").snomedct_code, dob=p.date_of_birth)
