"""Weekly NHS activity over the winters of 2021-22 to 2023-24.

Total contacts = GP appointments seen + A&E attendances + emergency admissions. The total
is computed with the builtin sum() over a list of series.
"""

from ehrql import INTERVAL, claim_permissions, codelist_from_csv, create_measures, weeks
from ehrql.tables.tpp import (
    apcs,
    appointments,
    clinical_events,
    emergency_care_attendances,
    patients,
    practice_registrations,
)

claim_permissions("appointments")

resp_codes = codelist_from_csv("codelists/user-anon-respiratory-infections.csv", column="code")

WINTERS = {
    "2021_22": "2021-10-04",
    "2022_23": "2022-10-03",
    "2023_24": "2023-10-02",
}

gp_seen = appointments.where(appointments.seen_date.is_during(INTERVAL)).where(
    appointments.status.is_in(["Arrived", "In Progress", "Finished", "Visit", "Waiting"])
)
ae = emergency_care_attendances.where(emergency_care_attendances.arrival_date.is_during(INTERVAL))
admissions = apcs.where(apcs.admission_date.is_during(INTERVAL)).where(
    apcs.admission_method.is_in(["21", "22", "23", "24", "25", "2A", "2B", "2C", "2D", "28"])
)

activity_counts = [
    gp_seen.count_for_patient(),
    ae.count_for_patient(),
    admissions.count_for_patient(),
]
total_contacts = sum(activity_counts)

resp_coded = clinical_events.where(clinical_events.snomedct_code.is_in(resp_codes)).where(
    clinical_events.date.is_during(INTERVAL)
)

denominator = practice_registrations.for_patient_on(INTERVAL.start_date).exists_for_patient()
age = patients.age_on(INTERVAL.start_date)

measures = create_measures()
measures.configure_dummy_data(population_size=1000)
measures.configure_disclosure_control(enabled=False)

for winter, start in WINTERS.items():
    intervals = weeks(26).starting_on(start)
    measures.define_measure(
        name=f"total_contacts_{winter}",
        numerator=total_contacts,
        denominator=denominator,
        intervals=intervals,
        group_by={"under_5": age < 5, "over_75": age >= 75},
    )
    measures.define_measure(
        name=f"respiratory_coded_{winter}",
        numerator=resp_coded.count_for_patient(),
        denominator=denominator,
        intervals=intervals,
    )
