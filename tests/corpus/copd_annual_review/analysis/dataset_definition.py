"""COPD annual reviews: were they done, and were they face-to-face? 2022-23."""

from ehrql import claim_permissions, codelist_from_csv, create_dataset
from ehrql.tables.tpp import appointments, clinical_events, patients, practice_registrations

from stp_names import stp_name

claim_permissions("appointments")

start, end = "2022-04-01", "2023-03-31"
copd = codelist_from_csv("codelists/nhsd-primary-care-domain-refsets-copd_cod.csv", column="code")
copd_review = codelist_from_csv("codelists/nhsd-primary-care-domain-refsets-copdrvw_cod.csv", column="code")

registration = practice_registrations.for_patient_on(start)

dataset = create_dataset()
dataset.configure_dummy_data(population_size=700)
dataset.define_population(
    registration.exists_for_patient()
    & clinical_events.where(clinical_events.snomedct_code.is_in(copd))
    .where(clinical_events.date.is_before(start))
    .exists_for_patient()
)
review = (
    clinical_events.where(clinical_events.snomedct_code.is_in(copd_review))
    .where(clinical_events.date.is_on_or_between(start, end))
    .sort_by(clinical_events.date)
    .last_for_patient()
)
dataset.review_date = review.date
dataset.stp = stp_name(registration.practice_stp)

seen_that_day = appointments.where(appointments.seen_date == review.date).where(
    appointments.status.is_in(["Arrived", "Finished", "In Progress"])
)
dataset.appointment_on_review_day = seen_that_day.exists_for_patient()
dataset.appointments_in_year = (
    appointments.where(appointments.seen_date.is_on_or_between(start, end)).count_for_patient()
)
lead_times = appointments.where(appointments.start_date.is_on_or_between(start, end))
dataset.max_booking_lead_days = (lead_times.start_date - lead_times.booked_date).days.maximum_for_patient()
dataset.dna_count = lead_times.where(lead_times.status == "Did Not Attend").count_for_patient()
dataset.age = patients.age_on(start)
