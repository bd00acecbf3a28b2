"""First-line antidepressant choice after a new depression diagnosis, 2018-2023."""

from ehrql import codelist_from_csv, create_dataset, days, months
from ehrql.tables.tpp import patients, practice_registrations

from analysis.lib.variable_lib import (
    age_band,
    first_event,
    has_unresolved,
    prescriptions,
)

depression = codelist_from_csv("codelists/nhsd-primary-care-domain-refsets-depr_cod.csv", column="code")
depression_resolved = codelist_from_csv(
    "codelists/nhsd-primary-care-domain-refsets-depres_cod.csv", column="code"
)
antidepressants = codelist_from_csv(
    "codelists/opensafely-antidepressants.csv", column="dmd_id", category_column="class"
)

study_start = "2018-01-01"
study_end = "2023-12-31"

diagnosis = first_event(depression, after=study_start, before=study_end)
dx_date = diagnosis.date

# "new" diagnosis: none in the previous two years
prior = first_event(depression, after=dx_date - months(24), before=dx_date)

dataset = create_dataset()
dataset.configure_dummy_data(population_size=1000)
dataset.define_population(
    diagnosis.exists_for_patient()
    & ~prior.exists_for_patient()
    & practice_registrations.for_patient_on(dx_date).exists_for_patient()
    & (patients.age_on(dx_date) >= 18)
)
dataset.diagnosis_date = dx_date
dataset.age_band = age_band(patients.age_on(dx_date))
dataset.age_band_broad = age_band(patients.age_on(dx_date), bands=(18, 40, 65))

first_rx = prescriptions(antidepressants, after=dx_date - days(1), before=dx_date + days(90))
first_rx = first_rx.sort_by(first_rx.date).first_for_patient()
dataset.first_antidepressant_date = first_rx.date
dataset.first_antidepressant_class = first_rx.dmd_code.to_category(antidepressants)
dataset.still_depressed_1y = has_unresolved(depression, depression_resolved, on_or_before=dx_date + months(12))
